import { loadConfig, topicNames } from '@qts/config';
import { addDays, shanghaiDate } from '@qts/domain';
import { connectProducer, createKafka, readDeadLetter, type QtsProducer } from '@qts/kafka';
import { Stack, waitUntil } from '../../support/stack';

interface CaseBody {
  caseId: string;
  stage: string;
  closed: boolean;
  lastSeq: number;
  timeline: { seq: number; type: string; actor: { id: string } }[];
  deadlines: { kind: string; due: string; legalSource: string; provisional: boolean }[];
  amountDue: { totalDueFen: number; totalDueYuan: string; lateFeeFen: number; fineFen: number; schedule: { dueOn: string }[] } | null;
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

const today = () => shanghaiDate(Date.now());

async function openSummaryCase(fineFen: number): Promise<string> {
  const res = await stack.request<{ caseId: string; stage: string }>('POST', '/api/penalty-cases', {
    type: 'OpenSummaryCase',
    section: 'enforcement',
    title: '产品标识不符合规定',
    party: { kind: 'organisation', name: '某食品包装厂' },
    violationDate: today(),
    decidedOn: today(),
    provisionId: 'product-quality-law-art54',
    penalty: { kind: 'fine', fineFen },
  });
  expect(res.status).toBe(201);
  expect(res.body.stage).toBe('payment');
  return res.body.caseId;
}

function caseWhen(caseId: string, ready: (c: CaseBody) => boolean, query = ''): Promise<CaseBody> {
  return waitUntil(`case ${caseId} in the read model`, async () => {
    const res = await stack.request<CaseBody>('GET', `/api/cases/${caseId}${query}`);
    return res.status === 200 && ready(res.body) ? res.body : undefined;
  });
}

async function deadLetters(topic: string, count: number): Promise<{ reason: string; value: string }[]> {
  const consumer = kafkaOf().consumer({ groupId: `dlq-reader-${stack.id}-${Date.now()}` });
  const found: { reason: string; value: string }[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: ({ message }) => {
      const info = readDeadLetter({ headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])) });
      found.push({ reason: info?.reason ?? '', value: message.value?.toString('utf8') ?? '' });
      return Promise.resolve();
    },
  });
  try {
    await waitUntil(`${count} dead letters on ${topic}`, () => Promise.resolve(found.length >= count ? true : undefined), 30_000);
  } finally {
    await consumer.disconnect();
  }
  return found;
}

describe('penalty case over HTTP → Temporal → Kafka → PostgreSQL', () => {
  it('a summary decision reaches the read model with its deadlines, legal sources and amount due', async () => {
    const caseId = await openSummaryCase(300_000);
    const c = await caseWhen(caseId, (x) => x.lastSeq === 3);
    expect(c.stage).toBe('payment');
    expect(c.timeline.map((e) => e.type)).toEqual(['PenaltyCaseOpened', 'SummaryPenaltyDecided', 'DecisionServed']);
    expect(c.timeline[0]?.actor.id).toBe('officer-li');
    const payment = c.deadlines.find((d) => d.kind === 'payment');
    expect(payment?.legalSource).toContain('第六十七条');
    expect(c.amountDue).toMatchObject({ fineFen: 300_000, lateFeeFen: 0, totalDueFen: 300_000, totalDueYuan: '3000.00' });

    const dueOn = c.amountDue?.schedule[0]?.dueOn ?? '';
    const later = await stack.request<CaseBody>('GET', `/api/cases/${caseId}?asOf=${addDays(dueOn, 10)}`);
    expect(later.body.amountDue).toMatchObject({ lateFeeFen: 90_000, totalDueFen: 390_000, totalDueYuan: '3900.00' });

    const listed = await stack.request<{ items: { caseId: string }[] }>('GET', '/api/cases?type=penalty&stage=payment&section=enforcement');
    expect(listed.body.items.map((i) => i.caseId)).toContain(caseId);
  });

  it('applies a command resent with the same Idempotency-Key once and answers it with the first outcome', async () => {
    const caseId = await openSummaryCase(50_000);
    const headers = async (key?: string) => ({
      authorization: `Bearer ${await stack.tokenOf('officer-li')}`,
      ...(key === undefined ? {} : { 'idempotency-key': key }),
    });
    const payment = { type: 'RecordPayment', paidOn: today(), amountFen: 20_000, reference: `R-KEY-${caseId}`, channel: 'officer' };
    const url = `/api/penalty-cases/${caseId}/commands`;
    const key = `pay-${caseId}`;

    const first = await stack.send<{ events: { seq: number; type: string }[] }>('POST', url, payment, await headers(key));
    const again = await stack.send<{ events: { seq: number; type: string }[] }>('POST', url, payment, await headers(key));
    expect(first.status).toBe(200);
    expect(first.body.events.map((e) => e.type)).toEqual(['PaymentReceived']);
    expect(again.status).toBe(200);
    expect(again.body.events).toEqual(first.body.events);

    // without the key the same payment is a second command, which the decider refuses as a duplicate
    const unkeyed = await stack.send<{ code: string }>('POST', url, payment, await headers());
    expect([unkeyed.status, unkeyed.body.code]).toEqual([422, 'DUPLICATE_PAYMENT']);
    const badKey = await stack.send<{ code: string }>('POST', url, payment, await headers('no spaces allowed'));
    expect([badKey.status, badKey.body.code]).toEqual([400, 'INVALID_IDEMPOTENCY_KEY']);

    const c = await caseWhen(caseId, (b) => b.timeline.some((e) => e.type === 'PaymentReceived'));
    expect(c.timeline.filter((e) => e.type === 'PaymentReceived')).toHaveLength(1);
    expect(c.amountDue?.totalDueFen).toBe(30_000);
  });

  it('takes a command sent at once after opening the case (the update may reach the workflow with its start)', async () => {
    const caseIds = await Promise.all([1, 2, 3, 4].map(() => openSummaryCase(10_000)));
    const results = await Promise.all(
      caseIds.map((caseId) =>
        stack.request<{ events?: { type: string }[] }>('POST', `/api/penalty-cases/${caseId}/commands`, {
          type: 'RecordPayment',
          paidOn: today(),
          amountFen: 10_000,
          reference: `R-AT-ONCE-${caseId}`,
          channel: 'officer',
        }),
      ),
    );
    expect(results.map((r) => [r.status, r.body.events?.map((e) => e.type) ?? r.body])).toEqual(
      caseIds.map(() => [200, ['PaymentReceived', 'CaseClosed']]),
    );
  });

  it('refuses a command with the decider’s reason and changes nothing', async () => {
    const caseId = await openSummaryCase(100_000);
    await caseWhen(caseId, (x) => x.lastSeq === 3);
    const refused = await stack.request<{ code: string; message: string; correlationId: string }>(
      'POST',
      `/api/penalty-cases/${caseId}/commands`,
      {
        type: 'RecordPayment',
        paidOn: addDays(today(), 1),
        amountFen: 100_000,
        reference: 'R-FUTURE',
        channel: 'officer',
      },
    );
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'ACT_DATE_IN_FUTURE' });
    expect(refused.body.correlationId).toEqual(expect.any(String));

    const invalid = await stack.request<{ code: string; message: string }>('POST', `/api/penalty-cases/${caseId}/commands`, {
      type: 'RecordPayment',
      paidOn: 'yesterday',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.message).toContain('paidOn');

    const accepted = await stack.request<{ events: { seq: number }[] }>('POST', `/api/penalty-cases/${caseId}/commands`, {
      type: 'RecordPayment',
      paidOn: today(),
      amountFen: 40_000,
      reference: 'R-PART',
      channel: 'officer',
    });
    expect(accepted.status).toBe(200);
    // the refused commands took no sequence number: the accepted one is the fourth event
    expect(accepted.body.events.map((e) => e.seq)).toEqual([4]);
    const c = await caseWhen(caseId, (x) => x.lastSeq === 4);
    expect(c.amountDue?.totalDueFen).toBe(60_000);

    const log = await stack.request<{ code: string; actor: { id: string }; command: { type: string } }[]>(
      'GET',
      `/api/audit/refusals?caseId=${caseId}`,
      undefined,
      'auditor-zhou',
    );
    expect(log.body).toEqual([
      expect.objectContaining({
        code: 'ACT_DATE_IN_FUTURE',
        actor: expect.objectContaining({ id: 'officer-li' }) as unknown,
        command: expect.objectContaining({ type: 'RecordPayment' }) as unknown,
      }),
    ]);
  });

  it('a treasury payment on Kafka closes the case; malformed or refused ones go to the dead-letter topic with the reason', async () => {
    const topics = topicNames(loadConfig(stack.env));
    const caseId = await openSummaryCase(200_000);
    await caseWhen(caseId, (x) => x.lastSeq === 3);
    await producer.send(topics.payments, [
      { key: 'bad-1', value: 'not json at all' },
      { key: 'bad-2', value: JSON.stringify({ caseId, paidOn: today(), amountFen: -5, reference: 'T-NEG' }) },
      { key: 'bad-3', value: JSON.stringify({ caseId: 'PEN-NO-SUCH-CASE', paidOn: today(), amountFen: 100, reference: 'T-NONE' }) },
      { key: caseId, value: JSON.stringify({ caseId, paidOn: today(), amountFen: 200_000, reference: 'T-0001' }) },
    ]);
    const closed = await caseWhen(caseId, (x) => x.closed);
    expect(closed.stage).toBe('closed');
    expect(closed.timeline.slice(-2).map((e) => e.type)).toEqual(['PaymentReceived', 'CaseClosed']);
    expect(closed.deadlines).toEqual([]);

    const letters = await deadLetters(topics.paymentsDlq, 3);
    const reasons = letters.map((l) => l.reason).join('\n');
    expect(reasons).toContain('malformed JSON');
    expect(reasons).toContain('amountFen');
    expect(reasons).toContain('CASE_NOT_FOUND');
    expect(letters.map((l) => l.value)).toContain('not json at all');
  });
});
