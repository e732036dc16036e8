import { addDays } from '@qts/domain';

type Body = Record<string, unknown>;
type Command = (tag: string, today: string) => Body;

/** Where a command is sent and by whom; `tag` makes a case's report id, registration code or number unique. */
export interface ProcessScript {
  name: string;
  /** the process's route under /api */
  route: string;
  /** a member of the owning section of the demo bureau */
  user: string;
  opening: (tag: string, today: string) => Body;
  /** the commands that move a case, in order (taken from test/int and the domain's given-when-then); `by` another user */
  steps: readonly (Command | { by: string; command: Command })[];
}

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * 事故调查 (质量科): a product accident with one seriously injured, triaged, reported upward, the site secured, the team
 * formed by the chief, evidence.
 */
export const accidentScript: ProcessScript = {
  name: 'accident',
  route: 'accidents',
  user: 'officer-chen',
  opening: (tag) => ({
    type: 'ReceiveAccidentReport',
    reportId: `fault-${tag}`,
    kind: 'product_quality',
    source: 'hotline_12315',
    occurredAt: iso(Date.now() - 90 * MINUTE),
    receivedAt: iso(Date.now() - 30 * MINUTE),
    place: '某区某街道居民家中',
    casualties: { deaths: 0, seriousInjuries: 1, minorInjuries: 0 },
    product: { name: '某牌压力锅', producer: '某厨具有限公司', batch: '2026-05' },
    reporter: { name: '李四', phone: '13900000000' },
    summary: `故障测试 ${tag}：压力锅锅盖飞出，一人重伤`,
    section: 'quality',
  }),
  steps: [
    (_, d) => ({ type: 'TriageAccident', triagedOn: d, decision: 'accident', reasons: '产品缺陷致人重伤' }),
    () => ({
      type: 'ReportUpward',
      to: 'district_government',
      reportedAt: iso(Date.now() - MINUTE),
      reportedBy: '陈',
      content: '电话报告区政府',
    }),
    () => ({ type: 'SecureSite', securedAt: iso(Date.now() - MINUTE), measures: '封存同批次产品' }),
    { by: 'chief-liu', command: (_, d) => ({ type: 'FormInvestigationTeam', formedOn: d, officerIds: ['officer-chen', 'officer-yang'] }) },
    (_, d) => ({ type: 'RecordAccidentEvidence', collectedOn: d, description: '现场勘验笔录、产品封样' }),
  ],
};

/** 缺陷产品召回 (稽查队): a defect signal from a complaint, the district's investigation, the producer told the findings. */
export const recallScript: ProcessScript = {
  name: 'recall',
  route: 'recalls',
  user: 'officer-li',
  opening: (tag, d) => ({
    type: 'RegisterDefectSignal',
    section: 'enforcement',
    product: { category: 'consumer_goods', name: '儿童电动滑板车', model: 'KS-3', batch: tag },
    producer: { name: '某童车有限公司' },
    source: 'complaint',
    receivedOn: d,
    description: `故障测试 ${tag}：投诉刹车失效`,
  }),
  steps: [
    (_, d) => ({ type: 'StartDefectInvestigation', startedOn: d, mode: 'district', note: '协助省局调查' }),
    (_, d) => ({ type: 'NotifyProducer', notifiedOn: d, findings: '刹车设计缺陷', notifiedBy: '省市场监管局' }),
  ],
};

/** 特种设备安全监察指令 (特种设备科): an inspection, the written directive, the unit's report, a re-inspection on documents. */
export const directiveScript: ProcessScript = {
  name: 'directive',
  route: 'directives',
  user: 'officer-hu',
  opening: (tag, d) => ({
    type: 'RecordInspection',
    inspectedOn: d,
    section: 'special_equipment',
    equipment: {
      registrationCode: `F-${tag}`,
      type: 'elevator',
      location: '幸福小区3号楼1单元',
      userUnit: { name: '某物业管理有限公司', creditCode: '91310000MA1FL00001' },
    },
    inspectorIds: ['officer-hu', 'officer-zhu'],
    findings: `故障测试 ${tag}：维护保养记录缺失`,
    severity: 'ordinary',
    unitSignature: { signed: true, signedBy: '张经理' },
  }),
  steps: [
    (tag, d) => ({
      type: 'IssueWrittenDirective',
      directiveNo: `特监指〔故障〕${tag}`,
      issuedOn: d,
      items: [{ problem: '维护保养记录缺失', measure: '补齐维护保养记录' }],
      legalBasis: '《特种设备安全法》第六十一条',
      rectifyBy: addDays(d, 10),
      service: { method: 'direct', receivedBy: '张经理', servedOn: d },
    }),
    (_, d) => ({ type: 'RecordRectificationReport', reportedOn: d, summary: '已补齐维护保养记录' }),
    (_, d) => ({
      type: 'RecordReinspection',
      reinspectedOn: d,
      mode: 'documents',
      inspectorIds: ['officer-hu', 'officer-zhu'],
      result: 'rectified',
      findings: '记录齐全',
    }),
  ],
};

export const PROCESS_SCRIPTS: readonly ProcessScript[] = [accidentScript, recallScript, directiveScript];
