import { randomBytes } from 'node:crypto';
import { Connection, Client } from '@temporalio/client';
import { shanghaiDate } from '@qts/domain';
import { NOTICE_2027 } from '../../support/calendar-fixtures';
import { Stack, waitUntil } from '../../support/stack';

interface CaseBody {
  timeline: { type: string; actor: { id: string } }[];
  deadlines: { kind: string; due: string; provisional: boolean }[];
}
interface Rollout {
  id: string;
  year: number;
  revision: number;
  state: string;
  total: number;
  done: number;
  failed: number;
  loadedBy: { id: string };
  loadedAt: string;
}
interface LoadAnswer {
  rolloutId: string;
  repeated: boolean;
  horizon: string;
  rollout: Rollout;
}

// a bureau of its own: the batch selects every running workflow of the bureau in the shared Temporal, so other test
// files' cases (and those left running by earlier runs) must not be in it
const BUREAU_ID = `district-cal-${randomBytes(4).toString('hex')}`;
const today = () => shanghaiDate(Date.now());

let stack: Stack;
let connection: Connection;
beforeAll(async () => {
  stack = await Stack.start(undefined, { BUREAU_ID });
  connection = await Connection.connect({ address: stack.config().temporal.address });
});
afterAll(async () => {
  await connection?.close();
  await stack?.stop();
});

/** How many `calendarUpdated` signals a case's workflow has received, from its Temporal history. */
async function calendarSignals(workflowId: string): Promise<number> {
  const client = new Client({ connection, namespace: stack.config().temporal.namespace });
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).filter((e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'calendarUpdated').length;
}

async function recomputed(caseId: string): Promise<CaseBody> {
  return waitUntil(`DeadlinesRecomputed on ${caseId} in the read model`, async () => {
    const c = await stack.request<CaseBody>('GET', `/api/cases/${caseId}`, undefined, 'head-wang');
    return c.body.timeline?.some((e) => e.type === 'DeadlinesRecomputed') ? c.body : undefined;
  });
}

async function finished(rolloutId: string): Promise<Rollout> {
  return waitUntil(`rollout ${rolloutId} to finish`, async () => {
    const r = await stack.request<Rollout>('GET', `/api/calendar/rollouts/${rolloutId}`, undefined, 'admin');
    return r.status === 200 && r.body.state !== 'pending' && r.body.state !== 'running' ? r.body : undefined;
  });
}

async function openPenaltyCase(): Promise<string> {
  const lead = await stack.request<{ caseId: string }>('POST', '/api/penalty-cases', {
    type: 'RegisterLead',
    section: 'enforcement',
    title: '涉嫌生产不合格产品',
    party: { kind: 'organisation', name: '某厂' },
    discoveredOn: today(),
    leadSource: 'inspection',
    summary: '抽检不合格',
  });
  expect(lead.status).toBe(201);
  const filed = await stack.request(
    'POST',
    `/api/penalty-cases/${lead.body.caseId}/commands`,
    { type: 'DecideFiling', decision: 'file', decidedOn: today(), reason: '立案', handlerIds: ['officer-li', 'officer-zhao'] },
    'head-wang',
  );
  expect(filed.status).toBe(200);
  return lead.body.caseId;
}

/** A second penalty case transferred to the police: it waits, and its child escalation (`<case>-POLICE`) runs. */
async function openTransferredCase(): Promise<{ caseId: string; childId: string }> {
  const caseId = await openPenaltyCase();
  const transferred = await stack.request(
    'POST',
    `/api/penalty-cases/${caseId}/commands`,
    { type: 'TransferToPolice', decidedOn: today(), grounds: '涉嫌生产销售伪劣产品罪' },
    'head-wang',
  );
  expect(transferred.status).toBe(200);
  const childId = `${caseId}-POLICE`;
  await waitUntil('the police escalation in the read model', async () => {
    const res = await stack.request('GET', `/api/cases/${childId}`, undefined, 'head-wang');
    return res.status === 200 ? true : undefined;
  });
  return { caseId, childId };
}

/** A top-level escalation to CNCA, submitted to the city bureau and signed for: its answer period is running. */
async function openEscalation(): Promise<string> {
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
  const commands = [
    { type: 'SubmitEscalation', submittedOn: today() },
    { type: 'RecordAcknowledgement', acknowledgedOn: today(), acknowledgedBy: '市局法规处' },
  ];
  for (const command of commands)
    expect((await stack.request('POST', `/api/escalations/${id}/commands`, command, 'head-wang')).status).toBe(200);
  return id;
}

describe('loading a State Council notice reaches every running case of the bureau, as a Temporal batch', () => {
  let penaltyCase: string;
  let escalation: string;
  let transfer: { caseId: string; childId: string };
  let first: LoadAnswer;
  /** every running workflow of the bureau: two penalty cases, the child escalation of the transfer, the escalation */
  const everyCase = () => [penaltyCase, transfer.caseId, transfer.childId, escalation];

  it('a penalty case and an escalation with provisional deadlines in the notice year both recompute, a transfer’s child escalation is signalled too; the rollout reports its counts', async () => {
    penaltyCase = await openPenaltyCase();
    escalation = await openEscalation();
    transfer = await openTransferredCase();
    // meaningful while the built-in calendar stops at 2026 and these periods, running from today, end in 2027
    const provisional = async (caseId: string, kind: string) =>
      waitUntil(`a provisional ${kind} deadline on ${caseId}`, async () => {
        const c = await stack.request<CaseBody>('GET', `/api/cases/${caseId}`, undefined, 'head-wang');
        return c.body.deadlines?.find((d) => d.kind === kind && d.provisional);
      });
    await provisional(penaltyCase, 'decision');
    const escalationBefore = await waitUntil('the escalation answer deadline in the read model', async () => {
      const c = await stack.request<CaseBody>('GET', `/api/cases/${escalation}`, undefined, 'head-wang');
      return c.body.deadlines?.some((d) => d.provisional) ? c.body : undefined;
    });
    const provisionalKinds = escalationBefore.deadlines.filter((d) => d.provisional).map((d) => d.kind);

    expect((await stack.request('POST', '/api/calendar/notices', NOTICE_2027, 'head-wang')).status).toBe(403);
    const loaded = await stack.request<LoadAnswer>('POST', '/api/calendar/notices', NOTICE_2027, 'admin');

    const penaltyAfter = await recomputed(penaltyCase);
    const escalationAfter = await recomputed(escalation);
    expect(penaltyAfter.deadlines.find((d) => d.kind === 'decision')).toMatchObject({ provisional: false });
    expect(penaltyAfter.timeline.find((e) => e.type === 'DeadlinesRecomputed')?.actor.id).toBe('system');
    for (const kind of provisionalKinds)
      expect(escalationAfter.deadlines.find((d) => d.kind === kind)).toMatchObject({ provisional: false });
    expect(escalationAfter.timeline.find((e) => e.type === 'DeadlinesRecomputed')?.actor.id).toBe('system');

    expect(loaded.status).toBe(202);
    expect(loaded.body).toMatchObject({ repeated: false, rolloutId: expect.stringMatching(/^calendar-/) as unknown });
    first = loaded.body;
    const done = await finished(first.rolloutId);
    expect(done).toMatchObject({ id: first.rolloutId, year: 2027, revision: 1, state: 'completed', total: 4, done: 4, failed: 0 });
    expect(done.loadedBy.id).toBe('admin');
    // a process started by a case is reached too: it carries the case search attributes
    for (const caseId of everyCase()) expect(await calendarSignals(caseId)).toBe(1);
  });

  it('the same notice loaded again starts nothing: same rollout, no second signal, no second recomputation', async () => {
    const again = await stack.request<LoadAnswer>('POST', '/api/calendar/notices', NOTICE_2027, 'admin');
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ repeated: true, rolloutId: first.rolloutId, rollout: { state: 'completed', total: 4 } });
    const list = await stack.request<{ rollouts: Rollout[] }>('GET', '/api/calendar/rollouts', undefined, 'admin');
    expect(list.body.rollouts.map((r) => r.id)).toEqual([first.rolloutId]);
    for (const caseId of everyCase()) expect(await calendarSignals(caseId)).toBe(1);
    for (const caseId of [penaltyCase, escalation]) {
      const c = await stack.request<CaseBody>('GET', `/api/cases/${caseId}`, undefined, 'head-wang');
      expect(c.body.timeline.filter((e) => e.type === 'DeadlinesRecomputed')).toHaveLength(1);
    }
  });

  it('a rollout recorded while Temporal is out of reach is started by the next API after a restart', async () => {
    // an API that cannot reach Temporal: the notice is saved and its rollout recorded, pending
    await stack.kill('api');
    const goodAddress = stack.env.TEMPORAL_ADDRESS;
    stack.env.TEMPORAL_ADDRESS = '127.0.0.1:1';
    stack.startApp('api');
    const corrected = { ...NOTICE_2027, documentNo: '（test fixture, corrected）' };
    const loaded = await waitUntil('the API without Temporal to take the notice', async () => {
      const res = await stack.request<LoadAnswer>('POST', '/api/calendar/notices', corrected, 'admin');
      return res.status === 202 ? res.body : undefined;
    });
    expect(loaded).toMatchObject({ repeated: false, rollout: { revision: 2, state: 'pending' } });

    // killed without a shutdown, restarted with Temporal: its reconcile pass starts the batch under the recorded id
    await stack.kill('api');
    if (goodAddress === undefined) delete stack.env.TEMPORAL_ADDRESS;
    else stack.env.TEMPORAL_ADDRESS = goodAddress;
    stack.startApp('api');
    await waitUntil(
      'the restarted API to report healthy',
      async () => ((await fetch(`${stack.baseUrl}/health`)).ok ? true : undefined),
      90_000,
    );
    const done = await finished(loaded.rolloutId);
    expect(done).toMatchObject({ revision: 2, state: 'completed', total: 4, done: 4, failed: 0 });
    for (const caseId of everyCase()) expect(await calendarSignals(caseId)).toBe(2);
    for (const caseId of [penaltyCase, escalation]) {
      // nothing moved between the two notices: the second signal records nothing
      const c = await stack.request<CaseBody>('GET', `/api/cases/${caseId}`, undefined, 'head-wang');
      expect(c.body.timeline.filter((e) => e.type === 'DeadlinesRecomputed')).toHaveLength(1);
    }
    const list = await stack.request<{ rollouts: Rollout[] }>('GET', '/api/calendar/rollouts', undefined, 'admin');
    expect(list.body.rollouts.map((r) => [r.revision, r.state])).toEqual([
      [2, 'completed'],
      [1, 'completed'],
    ]);
  });

  it('rollouts are for the people who load notices, and a bad or unknown id is named', async () => {
    expect((await stack.request('GET', '/api/calendar/rollouts', undefined, 'head-wang')).status).toBe(403);
    expect((await stack.request('GET', `/api/calendar/rollouts/${first.rolloutId}`, undefined, 'officer-li')).status).toBe(403);
    const bad = await stack.request<{ code: string }>('GET', '/api/calendar/rollouts/not%20an%20id', undefined, 'admin');
    expect(bad).toMatchObject({ status: 400, body: { code: 'INVALID_ROLLOUT_ID' } });
    const unknown = await stack.request<{ code: string }>(
      'GET',
      '/api/calendar/rollouts/calendar-nowhere-2027-r1-00000000',
      undefined,
      'admin',
    );
    expect(unknown).toMatchObject({ status: 404, body: { code: 'ROLLOUT_NOT_FOUND' } });
    const badPage = await stack.request<{ code: string }>('GET', '/api/calendar/rollouts?limit=0', undefined, 'admin');
    expect(badPage.status).toBe(400);
  });
});
