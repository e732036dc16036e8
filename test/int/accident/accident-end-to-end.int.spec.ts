import { createHash } from 'node:crypto';
import { loadConfig } from '@qts/config';
import { shanghaiDate } from '@qts/domain';
import { connectProducer, createKafka, type QtsProducer } from '@qts/kafka';
import { Stack, waitUntil } from '../../support/stack';

interface Row {
  caseType: string;
  stage: string;
  closed: boolean;
  partyName: string;
  timeline: { type: string }[];
  state: { outcomes: { outcomeId: string; outcome: string; linkedId: string | null; status: string }[] };
}
interface PenaltyRow {
  caseType: string;
  section: string;
  stage: string;
  partyName: string;
  timeline: { type: string; payload: { summary?: string } }[];
}

let stack: Stack;
let producer: QtsProducer;

beforeAll(async () => {
  stack = await Stack.start();
  producer = await connectProducer(createKafka(loadConfig(stack.env)));
});
afterAll(async () => {
  await producer?.disconnect();
  await stack?.stop();
});

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

function reportOf(kind: 'product_quality' | 'food_related_product', reportId: string) {
  const now = Date.now();
  return {
    reportId,
    kind,
    source: 'hotline_12315',
    occurredAt: iso(now - 90 * MINUTE),
    receivedAt: iso(now - 30 * MINUTE),
    place: '某区某街道居民家中',
    casualties: { deaths: 0, seriousInjuries: 1, minorInjuries: 0 },
    product:
      kind === 'product_quality'
        ? { name: '某牌压力锅', producer: '某厨具有限公司', batch: '2026-05' }
        : { name: '某牌密胺餐具', producer: '某餐具有限公司', batch: 'M-2026-11' },
    reporter: { name: '李四', phone: '13900000000' },
    summary: kind === 'product_quality' ? '压力锅锅盖飞出，一人重伤' : '密胺餐具受热释放有害物质，一人中毒住院',
  };
}

function caseIdOf(report: ReturnType<typeof reportOf>): string {
  const day = shanghaiDate(Date.parse(report.occurredAt)).replaceAll('-', '');
  return `ACC-${day}-${createHash('sha256').update(`${report.source}:${report.reportId}`).digest('hex').slice(0, 8)}`;
}

async function send(caseId: string, body: Record<string, unknown>, by: string): Promise<void> {
  const res = await stack.request<{ code?: string; message?: string }>('POST', `/api/accidents/${caseId}/commands`, body, by);
  expect({ type: body['type'], status: res.status, refusal: res.body.code }).toEqual({
    type: body['type'],
    status: 200,
    refusal: undefined,
  });
}

function caseWhen<T>(caseId: string, ready: (row: T) => boolean): Promise<T> {
  return waitUntil(`case ${caseId} in the read model`, async () => {
    const res = await stack.request<T>('GET', `/api/cases/${caseId}`, undefined, 'head-wang');
    return res.status === 200 && ready(res.body) ? res.body : undefined;
  });
}

/** A district-led product or food accident from triage to closure: report, team, evidence, review, approval, outcomes. */
async function investigateToClosure(caseId: string, party: string): Promise<Row> {
  const d = shanghaiDate(Date.now());
  await caseWhen<Row>(caseId, (r) => r.stage === 'awaiting_triage');
  await send(caseId, { type: 'TriageAccident', triagedOn: d, decision: 'accident', reasons: '产品缺陷致人重伤' }, 'officer-chen');
  await send(
    caseId,
    { type: 'ReportUpward', to: 'district_government', reportedAt: iso(Date.now() - MINUTE), reportedBy: '陈', content: '电话报告区政府' },
    'officer-chen',
  );
  await send(caseId, { type: 'SecureSite', securedAt: iso(Date.now() - MINUTE), measures: '封存同批次产品' }, 'officer-chen');
  await send(caseId, { type: 'FormInvestigationTeam', formedOn: d, officerIds: ['officer-chen', 'officer-yang'] }, 'chief-liu');
  await send(caseId, { type: 'RecordAccidentEvidence', collectedOn: d, description: '现场勘验笔录、产品封样' }, 'officer-chen');
  await send(
    caseId,
    {
      type: 'SubmitInvestigationReport',
      submittedOn: d,
      cause: '产品设计缺陷',
      liabilities: [{ party, share: 'full' }],
      rectificationOpinions: '停止销售同批次产品，立案查处',
    },
    'officer-chen',
  );
  await send(caseId, { type: 'RecordCollectiveReview', reviewedOn: d, conclusion: 'passed', minutes: '局务会审议通过' }, 'head-wang');
  await send(caseId, { type: 'RecordApproval', approvedOn: d, approvedBy: '区人民政府', reference: '区政批〔2026〕9号' }, 'officer-chen');
  // 立案查处 opened by the accident itself against the liable party; a rectification the bureau verifies
  await send(
    caseId,
    {
      type: 'RecordOutcome',
      outcomeId: 'P1',
      outcome: 'penalty_case',
      recordedOn: d,
      description: '对生产企业立案查处',
      party: { kind: 'organisation', name: party },
    },
    'officer-chen',
  );
  await send(
    caseId,
    { type: 'RecordOutcome', outcomeId: 'R1', outcome: 'rectification', recordedOn: d, description: '生产企业整改', verifyBy: d },
    'officer-chen',
  );
  await send(caseId, { type: 'CloseOutcome', outcomeId: 'P1', closedOn: d, result: 'handed_on', note: '移交执法稽查科' }, 'officer-chen');
  await send(caseId, { type: 'CloseOutcome', outcomeId: 'R1', closedOn: d, result: 'closed', note: '复查合格' }, 'officer-chen');
  await send(caseId, { type: 'CloseAccident', closedOn: d, summary: '调查终结，处罚案件已移交' }, 'chief-liu');
  return caseWhen<Row>(caseId, (r) => r.closed);
}

const WHOLE_TIMELINE = [
  'AccidentReportReceived',
  'AccidentTriaged',
  'AccidentReportedUpward',
  'SiteSecured',
  'InvestigationTeamFormed',
  'AccidentEvidenceRecorded',
  'InvestigationReportSubmitted',
  'CollectiveReviewRecorded',
  'InvestigationReportApproved',
  'OutcomeRecorded',
  'OutcomeRecorded',
  'OutcomeClosed',
  'OutcomeClosed',
  'AccidentClosed',
];

async function expectPenaltyLead(caseId: string, penaltyCaseId: string, party: string): Promise<void> {
  const lead = await caseWhen<PenaltyRow>(penaltyCaseId, (r) => r.timeline.length > 0);
  expect(lead).toMatchObject({ caseType: 'penalty', section: 'enforcement', partyName: party });
  expect(lead.timeline[0]?.type).toBe('PenaltyCaseOpened');
  expect(JSON.stringify(lead.timeline[0]?.payload)).toContain(caseId);
}

describe('a special-equipment accident the city leads, end to end on the real stack', () => {
  it('is reported to the district government and to the city as a child escalation, answered, followed as a team member, closed', async () => {
    const now = Date.now();
    const opened = await stack.request<{ caseId: string }>(
      'POST',
      '/api/accidents',
      {
        type: 'ReceiveAccidentReport',
        reportId: `12365-${stack.id}-lift`,
        kind: 'special_equipment',
        source: 'hotline_12365',
        occurredAt: iso(now - 150 * MINUTE),
        receivedAt: iso(now - 20 * MINUTE),
        place: '某小区3号楼',
        casualties: { deaths: 0, seriousInjuries: 0, minorInjuries: 0 },
        equipmentEvents: [{ kind: 'lift_car_trapped', hours: 2.2, people: 2 }],
        equipment: { registrationCode: '31104403002015000999', equipmentType: '曳引驱动乘客电梯' },
        reporter: { name: '物业值班员' },
        summary: '电梯轿厢困人2.2小时',
        section: 'special_equipment',
      },
      'officer-hu',
    );
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId;
    const d = shanghaiDate(Date.now());
    await send(caseId, { type: 'TriageAccident', triagedOn: d, decision: 'accident', reasons: '电梯轿厢滞留人员2小时以上' }, 'officer-hu');
    for (const to of ['district_government', 'superior_department'])
      await send(
        caseId,
        { type: 'ReportUpward', to, reportedAt: iso(Date.now() - MINUTE), reportedBy: '胡军', content: '书面报告' },
        'officer-hu',
      );
    // the report to the city is a child escalation (上报), answered by the city: the accident hears the answer
    const escalationId = await waitUntil('the child escalation in the read model', async () => {
      const res = await stack.request<{ items: { caseId: string; caseType: string }[] }>(
        'GET',
        '/api/cases?type=escalation',
        undefined,
        'head-wang',
      );
      return res.body.items.find((c) => c.caseId.startsWith(caseId))?.caseId;
    });
    const escalate = async (body: Record<string, unknown>, by: string) => {
      const res = await stack.request('POST', `/api/escalations/${escalationId}/commands`, body, by);
      expect({ type: body['type'], status: res.status }).toEqual({ type: body['type'], status: 200 });
    };
    await escalate({ type: 'SubmitEscalation', submittedOn: d }, 'head-wang');
    await escalate({ type: 'RecordAcknowledgement', acknowledgedOn: d, acknowledgedBy: '市局特种设备处' }, 'officer-hu');
    await escalate(
      {
        type: 'RecordDecision',
        decidedOn: d,
        decidedBy: '市市场监管局',
        outcome: 'approved',
        reference: '市监特〔2026〕1号',
        answer: '市局组织调查，区局派员参加',
      },
      'officer-hu',
    );
    await caseWhen<Row>(caseId, (r) => r.timeline.some((e) => e.type === 'ReportEscalationAnswered'));
    await send(caseId, { type: 'RecordLeadBodyAct', act: 'request', on: d, text: '市局要求区局封存电梯、调取维保记录' }, 'officer-hu');
    await send(
      caseId,
      { type: 'RecordLeadBodyAct', act: 'report', on: d, reference: '市监特调〔2026〕1号', text: '原因：制动器失效' },
      'officer-hu',
    );
    await send(
      caseId,
      { type: 'RecordOutcome', outcomeId: 'R1', outcome: 'rectification', recordedOn: d, description: '更换制动器', verifyBy: d },
      'officer-hu',
    );
    await send(caseId, { type: 'CloseOutcome', outcomeId: 'R1', closedOn: d, result: 'closed', note: '复查合格' }, 'officer-hu');
    await send(caseId, { type: 'CloseAccident', closedOn: d, summary: '市局调查结束，整改复查合格' }, 'chief-xu');
    const closed = await caseWhen<Row>(caseId, (r) => r.closed);
    expect(closed.timeline.map((e) => e.type).filter((t) => t !== 'EscalationNoticeRaised')).toEqual([
      'AccidentReportReceived',
      'AccidentTriaged',
      'AccidentReportedUpward',
      'AccidentReportedUpward',
      'ReportEscalationAnswered',
      'LeadBodyActRecorded',
      'LeadBodyActRecorded',
      'OutcomeRecorded',
      'OutcomeClosed',
      'AccidentClosed',
    ]);
  });
});

describe('accidents the district leads, end to end on the real stack', () => {
  it('a product-quality accident opened over HTTP runs to closure and opens its penalty case, which names it', async () => {
    const report = reportOf('product_quality', `12315-${stack.id}-p`);
    const opened = await stack.request<{ caseId: string }>(
      'POST',
      '/api/accidents',
      { type: 'ReceiveAccidentReport', ...report, section: 'quality' },
      'officer-chen',
    );
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId;
    const closed = await investigateToClosure(caseId, '某厨具有限公司');
    const types = closed.timeline.map((e) => e.type).filter((t) => t !== 'EscalationNoticeRaised');
    expect(types).toEqual(WHOLE_TIMELINE);
    const penalty = closed.state.outcomes.find((o) => o.outcomeId === 'P1');
    expect(penalty).toMatchObject({ outcome: 'penalty_case', status: 'handed_on', linkedId: `${caseId}-PEN-P1` });
    await expectPenaltyLead(caseId, `${caseId}-PEN-P1`, '某厨具有限公司');
  });

  it('a food-related-product accident reported on Kafka runs to closure the same way', async () => {
    const report = reportOf('food_related_product', `12315-${stack.id}-f`);
    const topic = `${loadConfig(stack.env).kafka.topicPrefix}accidents.inbound.v1`;
    await producer.send(topic, [{ key: report.reportId, value: JSON.stringify({ version: 1, ...report }) }]);
    const caseId = caseIdOf(report);
    const closed = await investigateToClosure(caseId, '某餐具有限公司');
    expect(closed.timeline.map((e) => e.type).filter((t) => t !== 'EscalationNoticeRaised')).toEqual(WHOLE_TIMELINE);
    expect(closed.partyName).toBeTruthy();
    await expectPenaltyLead(caseId, `${caseId}-PEN-P1`, '某餐具有限公司');
  });
});

describe('the bureau’s accident list', () => {
  it('puts an accident whose report upward is past its hour limit first, with hours since the report and the reports owed', async () => {
    const now = Date.now();
    const open = async (tag: string, receivedHoursAgo: number, seriousInjuries: number) => {
      const res = await stack.request<{ caseId: string }>(
        'POST',
        '/api/accidents',
        {
          ...reportOf('product_quality', `12315-${stack.id}-${tag}`),
          type: 'ReceiveAccidentReport',
          occurredAt: iso(now - (receivedHoursAgo + 1) * 60 * MINUTE),
          receivedAt: iso(now - receivedHoursAgo * 60 * MINUTE),
          casualties: { deaths: 0, seriousInjuries, minorInjuries: 0 },
          section: 'quality',
        },
        'officer-chen',
      );
      expect(res.status).toBe(201);
      return res.body.caseId;
    };
    const fresh = await open('fresh', 0.2, 1);
    const late = await open('late', 3, 1);
    type AccidentList = {
      items: { caseId: string; hoursSinceReport: number | null; reportOverdue: boolean; reportsOwed: { kind: string; dueAt: string }[] }[];
    };
    const listed = await waitUntil('both accidents listed', async () => {
      const res = await stack.request<AccidentList>('GET', '/api/accidents', undefined, 'chief-liu');
      const ids = res.body.items.map((i) => i.caseId);
      return ids.includes(fresh) && ids.includes(late) ? res.body.items : undefined;
    });
    expect(listed[0]).toMatchObject({ caseId: late, hoursSinceReport: 3, reportOverdue: true });
    expect(listed[0]?.reportsOwed.map((h) => h.kind)).toContain('report:district_government');
    expect(listed.find((i) => i.caseId === fresh)).toMatchObject({ hoursSinceReport: 0, reportOverdue: false });
    expect((await stack.request('GET', '/api/accidents?grade=catastrophic', undefined, 'chief-liu')).status).toBe(400);
  });
});
