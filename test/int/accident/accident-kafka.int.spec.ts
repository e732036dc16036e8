import { createHash } from 'node:crypto';
import { loadConfig } from '@qts/config';
import { shanghaiDate } from '@qts/domain';
import { connectProducer, createKafka, readDeadLetter, type QtsProducer } from '@qts/kafka';
import { Stack, waitUntil } from '../../support/stack';

interface Row {
  caseType: string;
  stage: string;
  procedure: string;
  title: string;
  timeline: { type: string; actor: { id: string } }[];
  deadlines: { kind: string; due: string; legalSource: string }[];
  state: { receivedAt: string; reportId: string };
}

let stack: Stack;
let producer: QtsProducer;
const kafkaOf = () => createKafka(loadConfig(stack.env));

beforeAll(async () => {
  stack = await Stack.start();
  producer = await connectProducer(kafkaOf());
});
afterAll(async () => {
  await producer?.disconnect();
  await stack?.stop();
});

async function readTopic(topic: string, count: number): Promise<{ value: string; headers: Record<string, string> }[]> {
  const consumer = kafkaOf().consumer({ groupId: `reader-${stack.id}-${Date.now()}` });
  const found: { value: string; headers: Record<string, string> }[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: ({ message }) => {
      found.push({
        value: message.value?.toString('utf8') ?? '',
        headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])),
      });
      return Promise.resolve();
    },
  });
  try {
    await waitUntil(`${count} messages on ${topic}`, () => Promise.resolve(found.length >= count ? true : undefined), 30_000);
  } finally {
    await consumer.disconnect();
  }
  return found;
}

describe('accident reports on Kafka, to the read model', () => {
  it('opens one case for a report delivered twice, shows grade, lead and the report upward due first, and dead-letters bad reports', async () => {
    const config = loadConfig(stack.env);
    const topic = `${config.kafka.topicPrefix}accidents.inbound.v1`;
    const now = Date.now();
    const report = {
      version: 1,
      reportId: `12365-${stack.id}-${now}`,
      kind: 'special_equipment',
      source: 'hotline_12365',
      occurredAt: new Date(now - 150 * 60_000).toISOString(),
      receivedAt: new Date(now - 60_000).toISOString(),
      place: '某小区3号楼',
      casualties: { deaths: 0, seriousInjuries: 0, minorInjuries: 0 },
      equipmentEvents: [{ kind: 'lift_car_trapped', hours: 2.2, people: 2 }],
      equipment: { registrationCode: '31104403002015000123', equipmentType: '曳引驱动乘客电梯' },
      reporter: { name: '物业值班员', phone: '13800000000' },
      summary: '电梯轿厢困人2.2小时',
    };
    const day = shanghaiDate(Date.parse(report.occurredAt)).replaceAll('-', '');
    const caseId = `ACC-${day}-${createHash('sha256').update(`${report.source}:${report.reportId}`).digest('hex').slice(0, 8)}`;
    await producer.send(topic, [
      { key: report.reportId, value: JSON.stringify(report) },
      { key: report.reportId, value: JSON.stringify(report) },
      { key: 'bad-json', value: '{"version":1,' },
      { key: 'bad-kind', value: JSON.stringify({ ...report, reportId: `${report.reportId}-x`, kind: 'explosion' }) },
      { key: 'no-equipment', value: JSON.stringify({ ...report, reportId: `${report.reportId}-y`, equipment: undefined }) },
    ]);

    const row = await waitUntil('the accident in the read model', async () => {
      const res = await stack.request<Row>('GET', `/api/cases/${caseId}`, undefined, 'head-wang');
      return res.status === 200 ? res.body : undefined;
    });
    expect(row).toMatchObject({ caseType: 'accident', stage: 'awaiting_triage', procedure: 'special_equipment:ungraded:undecided' });
    expect(row.state.reportId).toBe(report.reportId);
    expect(row.timeline.map((e) => [e.type, e.actor.id])).toEqual([['AccidentReportReceived', 'accident-report-gateway']]);
    expect(row.deadlines.map((d) => d.kind)).toEqual(['report:district_government', 'report:superior_department']);
    expect(row.deadlines[0]?.legalSource).toContain('第十一条');

    // triage over HTTP (the registry's route): 一般, the city leads
    const triaged = await stack.request(
      'POST',
      `/api/accidents/${caseId}/commands`,
      {
        type: 'TriageAccident',
        triagedOn: shanghaiDate(Date.now()),
        decision: 'accident',
        reasons: '电梯轿厢滞留人员2小时以上',
      },
      'chief-xu',
    );
    expect(triaged.status).toBe(200);
    const graded = await waitUntil('the grade in the read model', async () => {
      const res = await stack.request<Row>('GET', `/api/cases/${caseId}`, undefined, 'head-wang');
      return res.body.procedure === 'special_equipment:general:city_department' ? res.body : undefined;
    });
    expect(graded.stage).toBe('reporting_upward');
    expect(graded.title).toContain('一般事故');

    // the same report again, after the case moved on: then a bad message with the same key (same partition, so it is
    // handled after the duplicate) marks that the duplicate was handled
    await producer.send(topic, [
      { key: report.reportId, value: JSON.stringify(report) },
      { key: report.reportId, value: '{"marker":' },
    ]);
    const letters = await readTopic(`${topic}.dlq`, 4);
    const reasons = letters.map((l) => readDeadLetter({ headers: l.headers })?.reason ?? '');
    expect(reasons.filter((r) => r.includes('malformed JSON'))).toHaveLength(2);
    expect(reasons.join('\n')).toContain('kind');
    expect(reasons.join('\n')).toContain('EQUIPMENT_REQUIRED');
    // delivered three times, opened once, never dead-lettered as a duplicate, and the triaged case untouched
    expect(letters).toHaveLength(4);
    const after = await stack.request<Row>('GET', `/api/cases/${caseId}`, undefined, 'head-wang');
    expect(after.body.timeline.map((e) => e.type)).toEqual(['AccidentReportReceived', 'AccidentTriaged']);
    expect(after.body.stage).toBe('reporting_upward');
  });

  it('opens a product accident over HTTP for the owning section only, and shows it awaiting triage', async () => {
    const now = Date.now();
    const body = {
      type: 'ReceiveAccidentReport',
      reportId: `enterprise-${stack.id}-${now}`,
      kind: 'product_quality',
      source: 'enterprise',
      occurredAt: new Date(now - 30 * 60_000).toISOString(),
      receivedAt: new Date(now - 60_000).toISOString(),
      place: '某区某街道',
      casualties: { deaths: 0, seriousInjuries: 1, minorInjuries: 0 },
      product: { name: '某牌压力锅', producer: '某厨具有限公司' },
      reporter: { name: '企业安全员' },
      summary: '锅盖飞出致一人重伤',
      section: 'quality',
    };
    const other = await stack.request<{ code: string }>('POST', '/api/accidents', body, 'officer-hu');
    expect(other.status).toBe(403);
    const opened = await stack.request<{ caseId: string; stage: string }>('POST', '/api/accidents', body, 'officer-chen');
    expect(opened.status).toBe(201);
    expect(opened.body.caseId).toMatch(/^ACC-\d{8}-[0-9a-f]{8}$/);
    expect(opened.body.stage).toBe('awaiting_triage');
    const row = await waitUntil('the HTTP-opened accident in the read model', async () => {
      const res = await stack.request<Row>('GET', `/api/cases/${opened.body.caseId}`, undefined, 'officer-chen');
      return res.status === 200 ? res.body : undefined;
    });
    expect(row.procedure).toBe('product_quality:ungraded:undecided');
    expect(row.deadlines.map((d) => d.kind)).toEqual(['report:district_government']);
  });
});
