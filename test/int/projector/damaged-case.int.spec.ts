import { loadConfig, topicNames } from '@qts/config';
import { connectProducer, createKafka, readRange, withAdmin, type QtsProducer } from '@qts/kafka';
import { PENALTY_CASE_TYPE } from '@qts/domain';
import { Stack, waitUntil } from '../../support/stack';

let stack: Stack;
let producer: QtsProducer;

beforeAll(async () => {
  stack = await Stack.start(['projector', 'api']);
  producer = await connectProducer(createKafka(loadConfig(stack.env)));
});
afterAll(async () => {
  await producer?.disconnect();
  await stack?.stop();
});

/** An envelope the projector refuses: a penalty case opened with a payload its schema rejects. */
function unprojectable(caseId: string) {
  return {
    key: caseId,
    value: JSON.stringify({
      eventId: `${caseId}:1`,
      caseId,
      caseType: PENALTY_CASE_TYPE,
      bureauId: String(stack.env.BUREAU_ID ?? 'district-demo'),
      seq: 1,
      type: 'PenaltyCaseOpened',
      schemaVersion: 1,
      occurredAt: new Date().toISOString(),
      actor: { id: 'officer-li', role: 'officer' },
      payload: { procedure: 'general', title: 42 },
    }),
  };
}

/** A case can never silently disappear: an event the read model cannot take shows the case as damaged, everywhere. */
describe('a case whose events cannot be projected is visible as damaged', () => {
  it('the case answers 409 CASE_DAMAGED with the reason, /health is degraded, the administrator lists it, audit verify fails naming it', async () => {
    const caseId = `PEN-DAMAGED-${stack.id}`;
    await producer.send(topicNames(loadConfig(stack.env)).caseEvents, [unprojectable(caseId)]);

    const res = await waitUntil('the case to be marked damaged', async () => {
      const r = await stack.request<{ code: string; message: string; details: { damaged: { caseId: string; events: number } } }>(
        'GET',
        `/api/cases/${caseId}`,
        undefined,
        'head-wang',
      );
      return r.status === 409 ? r : undefined;
    });
    expect(res.body.code).toBe('CASE_DAMAGED');
    expect(res.body.details.damaged).toMatchObject({ caseId, events: 1 });

    const health = await stack.send<{ status: string; projection: { status: string; damagedCases: number } }>('GET', '/health');
    expect(health.body.projection).toMatchObject({ status: 'degraded' });
    expect(health.body.projection.damagedCases).toBeGreaterThanOrEqual(1);
    expect(health.body.status).toBe('degraded');

    const listed = await stack.request<{ caseId: string; reason: string }[]>('GET', '/api/audit/damaged', undefined, 'admin');
    expect(listed.status).toBe(200);
    expect(listed.body.find((d) => d.caseId === caseId)?.reason.length).toBeGreaterThan(0);
    expect((await stack.request('GET', '/api/audit/damaged', undefined, 'officer-li')).status).toBe(403);

    const verify = await stack.request<{
      ok: boolean;
      damagedCases: { caseId: string }[];
      eventLog: { missing: { caseId: string }[]; damagedInLog: number };
    }>('GET', '/api/audit/verify', undefined, 'auditor-zhou');
    expect(verify.body.ok).toBe(false);
    expect(verify.body.damagedCases.map((d) => d.caseId)).toContain(caseId);
    // the event is in Kafka's log and not in the read model: counted as damaged there, not as silently missing
    expect(verify.body.eventLog.damagedInLog).toBeGreaterThanOrEqual(1);
    expect(verify.body.eventLog.missing.map((m) => m.caseId)).not.toContain(caseId);

    // the administrator is told on the notices stream (for whoever delivers notices: SMS, mail, 政务平台)
    const kafka = createKafka(loadConfig(stack.env));
    const noticesTopic = topicNames(loadConfig(stack.env)).notices;
    const offsets = await withAdmin(kafka, (admin) => admin.fetchTopicOffsets(noticesTopic));
    const notices = await readRange(
      kafka,
      noticesTopic,
      new Map(offsets.map((o) => [o.partition, BigInt(o.low)])),
      new Map(offsets.map((o) => [o.partition, BigInt(o.high)])),
    );
    const damageNotices = notices
      .map(
        (m) => JSON.parse(m.value?.toString('utf8') ?? '{}') as { type?: string; caseId?: string; recipientRole?: string; reason?: string },
      )
      .filter((n) => n.type === 'CaseDamaged' && n.caseId === caseId);
    expect(damageNotices).toEqual([expect.objectContaining({ recipientRole: 'administrator', reason: expect.any(String) as unknown })]);
  });
});
