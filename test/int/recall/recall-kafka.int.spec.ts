import { loadConfig, topicNames } from '@qts/config';
import { addDays, shanghaiDate } from '@qts/domain';
import { connectProducer, createKafka, readDeadLetter, type QtsProducer } from '@qts/kafka';
import { Stack, waitUntil } from '../../support/stack';

interface Row {
  caseType: string;
  stage: string;
  procedure: string;
  partyName: string;
  timeline: { type: string; actor: { id: string; role: string } }[];
  deadlines: { kind: string; due: string }[];
  state: { progress: { on: string; notified: number; remedied: number; permille: number }[]; stalledOn: string[] };
}

const officer = 'officer-li';
const PRODUCER = '某童车有限公司';
let stack: Stack;
let producer: QtsProducer;
const kafkaOf = () => createKafka(loadConfig(stack.env));
const today = () => shanghaiDate(Date.now());

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

async function command(id: string, body: Record<string, unknown>, by = officer): Promise<void> {
  const res = await stack.request('POST', `/api/recalls/${id}/commands`, body, by);
  expect({ type: body['type'], status: res.status }).toEqual({ type: body['type'], status: 200 });
}

function message(recallId: string, report: Record<string, unknown>, from = PRODUCER): { key: string; value: string } {
  return { key: recallId, value: JSON.stringify({ version: 1, recallId, producer: from, report }) };
}

describe('recall over HTTP, the producer’s progress reports on Kafka, and the completion curve in the read model', () => {
  it('records reports arriving on recalls.inbound.v1 as curve points and dead-letters bad ones with the reason', async () => {
    const topics = topicNames(loadConfig(stack.env));
    const d = today();
    const opened = await stack.request<{ caseId: string }>(
      'POST',
      '/api/recalls',
      {
        type: 'RegisterDefectSignal',
        section: 'enforcement',
        product: { category: 'consumer_goods', name: '儿童电动滑板车' },
        producer: { name: PRODUCER },
        source: 'accident',
        receivedOn: d,
        description: '事故调查认定刹车缺陷',
        sourceCaseId: 'ACC-20260301-0000abcd',
      },
      officer,
    );
    expect({ status: opened.status, body: opened.body }).toMatchObject({ status: 201, body: { caseId: expect.any(String) as string } });
    const id = opened.body.caseId;
    expect(id).toMatch(/^RCL-\d{8}-/);
    await command(id, { type: 'StartDefectInvestigation', startedOn: d, mode: 'district', note: '协助省局调查' });
    await command(id, { type: 'NotifyProducer', notifiedOn: d, findings: '刹车缺陷', notifiedBy: '省市场监管局' });
    await command(id, {
      type: 'FileRecallPlan',
      filedOn: d,
      unitsAffected: 1000,
      remedy: 'repair',
      plannedCompletionOn: addDays(d, 180),
      measures: '免费维修',
    });
    await command(id, { type: 'PublishRecall', publishedOn: d, checkLevel: 'C', channel: '省局网站' });

    const first = { type: 'SubmitProgressReport', reportedOn: d, unitsNotified: 800, unitsRemedied: 300 };
    const second = { type: 'SubmitProgressReport', reportedOn: d, unitsNotified: 1000, unitsRemedied: 820 };
    await producer.send(topics.recallsInbound, [
      { key: 'bad-json', value: '{"version":1,' },
      message(id, { type: 'OrderRecall', orderedOn: d, orderedBy: '省局', reference: '1' }),
      message(id, first, '别的公司'),
      message(id, first),
      message(id, first),
      message(id, { ...second, unitsRemedied: 1200 }),
      message(id, second),
    ]);

    const row = await waitUntil('two progress points in the read model', async () => {
      const res = await stack.request<Row>('GET', `/api/cases/${id}`, undefined, 'head-wang');
      return res.status === 200 && res.body.state.progress.length >= 2 ? res.body : undefined;
    });
    expect(row).toMatchObject({ caseType: 'recall', stage: 'in_progress', procedure: 'voluntary', partyName: PRODUCER });
    expect(row.state.progress.map((p) => [p.notified, p.remedied, p.permille])).toEqual([
      [800, 300, 300],
      [1000, 820, 820],
    ]);
    const reported = row.timeline.filter((e) => e.type === 'ProgressReported');
    expect(reported.map((e) => e.actor)).toEqual([
      expect.objectContaining({ id: `producer:${PRODUCER}`, role: 'system' }),
      expect.objectContaining({ id: `producer:${PRODUCER}`, role: 'system' }),
    ]);
    expect(row.deadlines.map((x) => x.kind)).toEqual(expect.arrayContaining(['progress_report', 'summary_report']));

    // the bureau's recall list: assessed high risk, first, with its completion curve
    await command(id, { type: 'AssessRecallRisk', assessedOn: d, level: 'high', basis: '刹车失灵可致儿童受伤' });
    type RecallList = {
      items: { caseId: string; risk: string | null; completionPermille: number | null; curve: { permille: number }[] }[];
    };
    const listed = await waitUntil('the recall listed as high risk', async () => {
      const res = await stack.request<RecallList>('GET', '/api/recalls', undefined, 'chief-zhao');
      const mine = res.body.items.find((r) => r.caseId === id);
      return mine?.risk === 'high' ? res.body : undefined;
    });
    expect(listed.items[0]).toMatchObject({ caseId: id, risk: 'high', completionPermille: 820 });
    expect(listed.items[0]?.curve.map((p) => p.permille)).toEqual([300, 820]);
    const low = await stack.request<RecallList>('GET', '/api/recalls?risk=low', undefined, 'chief-zhao');
    expect(low.body.items.map((r) => r.caseId)).not.toContain(id);
    expect((await stack.request('GET', '/api/recalls?risk=extreme', undefined, 'chief-zhao')).status).toBe(400);

    // what the bureau must publish: the recall, on recalls.outbound.v1, self-contained and versioned
    const published = (await readTopic(topics.recallsOutbound, 1)).map((m) => JSON.parse(m.value) as Record<string, unknown>);
    expect(published.find((doc) => doc['recallId'] === id)).toMatchObject({
      documentType: 'qts.recall.notice',
      version: 1,
      kind: 'recall_published',
      leadAuthority: 'province',
      producer: { name: PRODUCER },
      plan: { mode: 'voluntary', unitsAffected: 1000 },
      checkLevel: 'C',
    });

    const letters = await readTopic(topics.recallsInboundDlq, 4);
    const reasons = letters.map((l) => readDeadLetter({ headers: l.headers })?.reason ?? '').join('\n');
    expect(reasons).toContain('malformed JSON');
    expect(reasons).toContain('report must be');
    expect(reasons).toContain('NOT_THE_PRODUCER');
    expect(reasons).toContain('FIGURES_INCONSISTENT');
    expect(reasons).not.toContain('DUPLICATE_REPORT');
  });

  it('a refusal after an order opens a penalty lead and an escalation to the city bureau, both in the read model', async () => {
    const d = today();
    const opened = await stack.request<{ caseId: string }>(
      'POST',
      '/api/recalls',
      {
        type: 'RegisterDefectSignal',
        section: 'enforcement',
        product: { category: 'vehicle', name: '某型轿车' },
        producer: { name: '某汽车有限公司' },
        source: 'complaint',
        receivedOn: d,
        description: '多起投诉反映安全气囊异常',
      },
      officer,
    );
    expect(opened.status).toBe(201);
    const id = opened.body.caseId;
    const district = await stack.request<{ code: string; message: string }>(
      'POST',
      `/api/recalls/${id}/commands`,
      { type: 'StartDefectInvestigation', startedOn: d, mode: 'district', note: '自行调查' },
      officer,
    );
    expect([district.status, district.body.code]).toEqual([422, 'RECALL_LED_NATIONALLY']);
    await command(id, { type: 'StartDefectInvestigation', startedOn: d, mode: 'reported_upward', note: '报国家市场监督管理总局' });
    await command(id, { type: 'NotifyProducer', notifiedOn: d, findings: '气囊缺陷', notifiedBy: '国家市场监督管理总局' });
    await command(id, { type: 'RaiseObjection', raisedOn: d, grounds: '符合国家标准' });
    await command(id, {
      type: 'DecideObjection',
      decidedOn: d,
      outcome: 'overruled',
      decidedBy: '国家市场监督管理总局',
      reasoning: '论证确认缺陷',
    });
    await command(id, { type: 'OrderRecall', orderedOn: d, orderedBy: '国家市场监督管理总局', reference: '责令召回〔2026〕1号' });
    await command(id, { type: 'RecordRefusal', refusedOn: d, statement: '生产者书面拒绝召回' });

    const penalty = await waitUntil('the penalty lead in the read model', async () => {
      const res = await stack.request<{ caseType: string; stage: string; section: string; partyName: string }>(
        'GET',
        `/api/cases/${id}-PEN`,
        undefined,
        'head-wang',
      );
      return res.status === 200 ? res.body : undefined;
    });
    expect(penalty).toMatchObject({ caseType: 'penalty', stage: 'lead', section: 'enforcement', partyName: '某汽车有限公司' });
    const escalation = await waitUntil('the escalation in the read model', async () => {
      const res = await stack.request<{ caseType: string; procedure: string; state: { parent: { workflowId: string } } }>(
        'GET',
        `/api/cases/${id}-ESC`,
        undefined,
        'head-wang',
      );
      return res.status === 200 ? res.body : undefined;
    });
    expect(escalation).toMatchObject({ caseType: 'escalation', procedure: 'city_bureau', state: { parent: { workflowId: id } } });
    const recall = await stack.request<Row>('GET', `/api/cases/${id}`, undefined, 'head-wang');
    expect(recall.body.stage).toBe('refused');
  });
});
