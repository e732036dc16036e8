import { loadConfig, topicNames } from '@qts/config';
import { shanghaiDate } from '@qts/domain';
import { connectProducer, createKafka, readDeadLetter, type QtsProducer } from '@qts/kafka';
import { Stack, waitUntil } from '../../support/stack';

interface Row {
  stage: string;
  procedure: string;
  lastSeq: number;
  timeline: { type: string; actor: { id: string } }[];
  deadlines: { kind: string; due: string }[];
}

const head = 'head-wang';
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

describe('escalation over HTTP, Kafka out and in, and the read model', () => {
  it('sends the outbound document, records an acknowledgement arriving on Kafka, and dead-letters malformed answers', async () => {
    const topics = topicNames(loadConfig(stack.env));
    const opened = await stack.request<{ escalationId: string }>(
      'POST',
      '/api/escalations',
      {
        type: 'OpenEscalation',
        target: { kind: 'cnca' },
        subject: '建议撤销某认证机构批准书',
        legalGround: '《中华人民共和国认证认可条例》',
        caseSummary: { title: '认证机构出具虚假认证结论', partyName: '某认证有限公司', facts: '抽查发现…' },
        section: 'standards',
        openedOn: today(),
      },
      'officer-he',
    );
    expect(opened.status).toBe(201);
    const id = opened.body.escalationId;

    const bySection = await stack.request<{ code: string }>(
      'POST',
      `/api/escalations/${id}/commands`,
      {
        type: 'SubmitEscalation',
        submittedOn: today(),
      },
      'officer-he',
    );
    expect(bySection.status).toBe(403);
    const submitted = await stack.request(
      'POST',
      `/api/escalations/${id}/commands`,
      { type: 'SubmitEscalation', submittedOn: today() },
      head,
    );
    expect(submitted.status).toBe(200);

    const [doc] = await readTopic(topics.escalationsOutbound, 1);
    const document = JSON.parse(doc?.value ?? '{}') as {
      escalationId: string;
      toLevel: string;
      version: number;
      replyTo: { escalationId: string };
    };
    expect(document).toMatchObject({ escalationId: id, toLevel: { key: 'city_bureau' }, version: 1, replyTo: { escalationId: id } });
    expect(doc?.headers['documentId']).toEqual(expect.stringContaining(id));

    // an answer naming a case of another process (a penalty case) is not sent to it
    const lead = await stack.request<{ caseId: string }>('POST', '/api/penalty-cases', {
      type: 'RegisterLead',
      section: 'enforcement',
      title: '涉嫌生产不合格产品',
      party: { kind: 'organisation', name: '某电线电缆厂' },
      discoveredOn: today(),
      leadSource: 'inspection',
      summary: '监督抽查不合格',
    });
    expect(lead.status).toBe(201);
    const penaltyId = lead.body.caseId;

    await producer.send(topics.escalationsInbound, [
      { key: 'bad-1', value: '{"version":1,' },
      {
        key: 'bad-3',
        value: JSON.stringify({
          version: 1,
          escalationId: penaltyId,
          from: '市局',
          response: { type: 'RecordAcknowledgement', acknowledgedOn: today(), acknowledgedBy: '市局法规处' },
        }),
      },
      {
        key: 'bad-2',
        value: JSON.stringify({ version: 1, escalationId: id, from: '市局', response: { type: 'SubmitEscalation', submittedOn: today() } }),
      },
      {
        key: id,
        value: JSON.stringify({
          version: 1,
          escalationId: id,
          from: '市市场监督管理局',
          response: { type: 'RecordAcknowledgement', acknowledgedOn: today(), acknowledgedBy: '市局法规处' },
        }),
      },
    ]);

    const row = await waitUntil('the acknowledgement in the read model', async () => {
      const res = await stack.request<Row>('GET', `/api/cases/${id}`, undefined, 'head-wang');
      return res.status === 200 && res.body.timeline.some((e) => e.type === 'EscalationAcknowledged') ? res.body : undefined;
    });
    expect(row.procedure).toBe('cnca');
    expect(row.timeline.find((e) => e.type === 'EscalationAcknowledged')?.actor.id).toBe('authority:市市场监督管理局');
    expect(row.deadlines.map((d) => d.kind)).toContain('answer:city_bureau');

    const listed = await stack.request<{ items: { caseId: string }[] }>('GET', '/api/escalations?target=cnca', undefined, 'head-wang');
    expect(listed.body.items.map((i) => i.caseId)).toContain(id);

    const letters = await readTopic(topics.escalationsInboundDlq, 3);
    const reasons = letters.map((l) => readDeadLetter({ headers: l.headers })?.reason ?? '').join('\n');
    expect(reasons).toContain('malformed JSON');
    expect(reasons).toContain('response must be RecordAcknowledgement');
    expect(reasons).toContain(`CASE_OF_ANOTHER_PROCESS: ${penaltyId} 是行政处罚案件，不是上报/移送`);
  });
});
