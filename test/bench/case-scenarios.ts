/**
 * One case of each process, as the bench drives it over HTTP: the opening and one command that moves the case on.
 * Payloads are the ones the int tests use (test/int/{penalty,accident,recall,directive}); each case gets its own ids.
 */
export interface HttpStep {
  url: string;
  body: unknown;
  user: string;
}

export interface CaseScenario {
  /** the case process, as in the registry */
  process: 'penalty' | 'accident' | 'recall' | 'directive';
  /** what the command is, for the table */
  command: string;
  open(today: string, n: number): HttpStep;
  next(caseId: string, today: string): HttpStep;
}

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
/** a run's own prefix, so that report ids and registration codes never meet an earlier run's */
const RUN = Date.now().toString(36);

export const penaltyScenario: CaseScenario = {
  process: 'penalty',
  command: 'RecordPayment',
  open: (today) => ({
    url: '/api/penalty-cases',
    user: 'officer-li',
    body: {
      type: 'OpenSummaryCase',
      section: 'enforcement',
      title: '基准测试 benchmark',
      party: { kind: 'citizen', name: '测试' },
      violationDate: today,
      decidedOn: today,
      provisionId: 'product-quality-law-art54',
      penalty: { kind: 'fine', fineFen: 10_000 },
    },
  }),
  next: (caseId, today) => ({
    url: `/api/penalty-cases/${caseId}/commands`,
    user: 'officer-li',
    body: { type: 'RecordPayment', paidOn: today, amountFen: 10_000, reference: `B-${caseId}`, channel: 'officer' },
  }),
};

const accidentScenario: CaseScenario = {
  process: 'accident',
  command: 'TriageAccident',
  open: (_today, n) => {
    const now = Date.now();
    return {
      url: '/api/accidents',
      user: 'officer-chen',
      body: {
        type: 'ReceiveAccidentReport',
        section: 'quality',
        reportId: `bench-${RUN}-${n}`,
        kind: 'product_quality',
        source: 'hotline_12315',
        occurredAt: iso(now - 90 * MINUTE),
        receivedAt: iso(now - 30 * MINUTE),
        place: '某区某街道居民家中',
        casualties: { deaths: 0, seriousInjuries: 1, minorInjuries: 0 },
        product: { name: '某牌压力锅', producer: '某厨具有限公司', batch: '2026-05' },
        reporter: { name: '李四', phone: '13900000000' },
        summary: '基准测试 benchmark',
      },
    };
  },
  next: (caseId, today) => ({
    url: `/api/accidents/${caseId}/commands`,
    user: 'officer-chen',
    body: { type: 'TriageAccident', triagedOn: today, decision: 'accident', reasons: '产品缺陷致人重伤' },
  }),
};

const recallScenario: CaseScenario = {
  process: 'recall',
  command: 'StartDefectInvestigation',
  open: (today) => ({
    url: '/api/recalls',
    user: 'officer-li',
    body: {
      type: 'RegisterDefectSignal',
      section: 'enforcement',
      product: { category: 'consumer_goods', name: '儿童电动滑板车' },
      producer: { name: '某滑板车制造有限公司' },
      source: 'complaint',
      receivedOn: today,
      description: '基准测试 benchmark',
    },
  }),
  next: (caseId, today) => ({
    url: `/api/recalls/${caseId}/commands`,
    user: 'officer-li',
    body: { type: 'StartDefectInvestigation', startedOn: today, mode: 'district', note: '基准测试' },
  }),
};

const directiveScenario: CaseScenario = {
  process: 'directive',
  command: 'IssueWrittenDirective',
  open: (today, n) => ({
    url: '/api/directives',
    user: 'officer-hu',
    body: {
      type: 'RecordEmergencyOrder',
      section: 'special_equipment',
      inspectorIds: ['officer-hu', 'officer-zhu'],
      orderedOn: today,
      orderedAt: `${today}T09:15:00+08:00`,
      place: '某小区电梯机房',
      measures: '立即停止使用该电梯，切断主电源',
      equipment: {
        registrationCode: `BENCH-${RUN}-${n}`,
        type: 'elevator',
        location: '某小区3号楼',
        userUnit: { name: '某物业管理有限公司', creditCode: '91310000MA1FL00001' },
      },
      findings: '曳引钢丝绳断股，制动器失效',
      severity: 'serious_hazard',
      unitSignature: { signed: true, signedBy: '张经理' },
    },
  }),
  next: (caseId, today) => ({
    url: `/api/directives/${caseId}/commands`,
    user: 'officer-hu',
    body: {
      type: 'IssueWrittenDirective',
      directiveNo: `特监指〔基准〕${caseId}`,
      issuedOn: today,
      items: [{ problem: '曳引钢丝绳断股', measure: '更换钢丝绳并经检验合格后方可使用' }],
      legalBasis: '《特种设备安全法》第六十一条、第六十二条',
      rectifyBy: new Date(Date.now() + 10 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10),
      service: { method: 'direct', receivedBy: '张经理', servedOn: today },
    },
  }),
};

/** Every process the bench measures per case, penalty first (the one the raw baselines are compared with). */
export const CASE_SCENARIOS: readonly CaseScenario[] = [penaltyScenario, accidentScenario, recallScenario, directiveScenario];
