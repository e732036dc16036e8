import { addDays, shanghaiDate } from '@qts/domain';
import { Stack, waitUntil } from '../../support/stack';

interface Move {
  command: string;
  label: { zh: string };
  roles: string[];
  mayISend: boolean;
  reasonIfNot?: string;
  dueAt: string | null;
  deadline: { kind: string; legalSource: string } | null;
}
interface Moves {
  caseId: string;
  stage: string;
  stageLabel: { zh: string };
  closed: boolean;
  moves: Move[];
}
interface Stalled {
  caseId: string;
  since: string;
  reasons: { code: string; zh: string; since: string; legalSource: string | null }[];
  mustAct: { role: string; section: string | null; commands: string[] }[];
}
interface Inbox {
  items: { caseId: string; dueAt: string | null; moves: { command: string }[] }[];
  complete: boolean;
}

let stack: Stack;
const today = () => shanghaiDate(Date.now());

beforeAll(async () => {
  stack = await Stack.start();
});
afterAll(() => stack?.stop());

async function registerLead(discoveredOn: string): Promise<string> {
  const lead = await stack.request<{ caseId: string }>('POST', '/api/penalty-cases', {
    type: 'RegisterLead',
    section: 'enforcement',
    title: '涉嫌生产不合格产品',
    party: { kind: 'organisation', name: '某电线电缆厂' },
    discoveredOn,
    leadSource: 'inspection',
    summary: '监督抽查不合格',
  });
  expect(lead.status).toBe(201);
  return lead.body.caseId;
}

function movesWhen(caseId: string, user: string, ready: (m: Moves) => boolean): Promise<Moves> {
  return waitUntil(`moves of ${caseId} for ${user}`, async () => {
    const res = await stack.request<Moves>('GET', `/api/cases/${caseId}/moves`, undefined, user);
    return res.status === 200 && ready(res.body) ? res.body : undefined;
  });
}

describe('whose move, stalled and inbox over HTTP on the real stack', () => {
  it('offers the head the filing decision and the officer none, then the investigation to the officer', async () => {
    const caseId = await registerLead(today());
    const asOfficer = await movesWhen(caseId, 'officer-li', (m) => m.stage === 'lead');
    expect(asOfficer.stageLabel.zh).toBe('线索核查');
    expect(asOfficer.closed).toBe(false);
    expect(asOfficer.moves.map((m) => m.command).sort()).toEqual(['DecideFiling', 'ExtendFilingPeriod']);
    for (const move of asOfficer.moves) {
      expect(move.roles).toEqual(['bureau_head']);
      expect(move.mayISend).toBe(false);
      expect(move.reasonIfNot).toMatch(/局长/);
    }
    const filing = asOfficer.moves.find((m) => m.command === 'DecideFiling');
    expect(filing?.deadline?.kind).toBe('filing_decision');
    expect(filing?.deadline?.legalSource).toMatch(/《/);
    expect(filing?.dueAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const asHead = await movesWhen(caseId, 'head-wang', (m) => m.stage === 'lead');
    expect(
      asHead.moves
        .filter((m) => m.mayISend)
        .map((m) => m.command)
        .sort(),
    ).toEqual(['DecideFiling', 'ExtendFilingPeriod']);

    const headInbox = await stack.request<Inbox>('GET', '/api/inbox', undefined, 'head-wang');
    expect(headInbox.status).toBe(200);
    expect(headInbox.body.items.find((i) => i.caseId === caseId)?.moves.map((m) => m.command)).toContain('DecideFiling');
    const officerInbox = await stack.request<Inbox>('GET', '/api/inbox', undefined, 'officer-li');
    expect(officerInbox.body.items.map((i) => i.caseId)).not.toContain(caseId);

    const filed = await stack.request(
      'POST',
      `/api/penalty-cases/${caseId}/commands`,
      { type: 'DecideFiling', decision: 'file', decidedOn: today(), reason: '立案', handlerIds: ['officer-li', 'officer-zhao'] },
      'head-wang',
    );
    expect(filed.status).toBe(200);
    const investigating = await movesWhen(caseId, 'officer-li', (m) => m.stage === 'investigation');
    const evidence = investigating.moves.find((m) => m.command === 'RecordEvidence');
    expect(evidence?.mayISend).toBe(true);
    expect(evidence?.deadline?.kind).toBe('decision');
    expect(investigating.moves.map((m) => m.command)).not.toContain('DecideFiling');
    // the head may not record evidence: the handling section does
    const headView = await movesWhen(caseId, 'head-wang', (m) => m.stage === 'investigation');
    expect(headView.moves.find((m) => m.command === 'RecordEvidence')?.mayISend).toBe(false);

    const inbox = await stack.request<Inbox>('GET', '/api/inbox', undefined, 'officer-li');
    expect(inbox.body.items.find((i) => i.caseId === caseId)?.moves.map((m) => m.command)).toContain('RecordEvidence');
    const sectionInbox = await stack.request<Inbox>('GET', '/api/inbox?section=enforcement', undefined, 'chief-zhao');
    expect(sectionInbox.body.items.map((i) => i.caseId)).toContain(caseId);
    expect((await stack.request('GET', '/api/inbox?section=quality', undefined, 'officer-li')).status).toBe(403);
  });

  it('shows a lead whose filing period has passed as stalled: why, since when, the head must decide', async () => {
    const discoveredOn = addDays(today(), -60);
    const caseId = await registerLead(discoveredOn);
    await movesWhen(caseId, 'chief-zhao', (m) => m.stage === 'lead');
    const found = await waitUntil('the stalled lead on the desk', async () => {
      const res = await stack.request<{ items: Stalled[]; total: number }>(
        'GET',
        '/api/desk/stalled?process=penalty&section=enforcement&limit=200',
        undefined,
        'chief-zhao',
      );
      return res.status === 200 ? res.body.items.find((i) => i.caseId === caseId) : undefined;
    });
    const [reason] = found.reasons;
    expect(reason?.code).toBe('DEADLINE_PASSED');
    expect(reason?.zh).toMatch(/逾期 \d+ 日/);
    expect(reason?.legalSource).toMatch(/《/);
    expect(found.since < today()).toBe(true);
    expect(found.mustAct).toEqual([
      { role: 'bureau_head', section: null, commands: expect.arrayContaining(['DecideFiling', 'ExtendFilingPeriod']) as string[] },
    ]);

    const counts = await stack.request<{
      totals: { open: number; overdue: number };
      byProcess: { caseType: string; open: number }[];
      byAge: { age: string; open: number }[];
    }>('GET', '/api/desk/counts', undefined, 'chief-zhao');
    expect(counts.status).toBe(200);
    expect(counts.body.totals.overdue).toBeGreaterThanOrEqual(1);
    expect(counts.body.byProcess.find((p) => p.caseType === 'penalty')?.open).toBeGreaterThanOrEqual(2);
    expect(counts.body.byAge.map((a) => a.age)).toEqual(['0-7', '8-30', '31-90', '>90']);
    expect((await stack.request('GET', '/api/desk/stalled?process=nonsense', undefined, 'chief-zhao')).status).toBe(400);
    const behind = await stack.request<{ items: { caseId: string; overdue: boolean }[] }>(
      'GET',
      '/api/desk/cases?process=penalty&stage=lead&section=enforcement&overdue=true&age=0-7&limit=200',
      undefined,
      'chief-zhao',
    );
    expect(behind.status).toBe(200);
    expect(behind.body.items.find((c) => c.caseId === caseId)?.overdue).toBe(true);
  });

  it('delivers the missed filing period to the chief as a notice naming the case, its title and the action needed; read once', async () => {
    const caseId = await registerLead(addDays(today(), -60));
    interface Mine {
      items: {
        eventId: string;
        caseId: string;
        title: string | null;
        level: string;
        actionNeeded: { command: string }[];
        acknowledgedAt: string | null;
      }[];
    }
    const notice = await waitUntil('the chief’s notice', async () => {
      const res = await stack.request<Mine>('GET', '/api/notices/mine?limit=200', undefined, 'chief-zhao');
      return res.status === 200 ? res.body.items.find((n) => n.caseId === caseId) : undefined;
    });
    expect(notice.title).toBe('涉嫌生产不合格产品');
    expect(notice.actionNeeded.map((m) => m.command)).toContain('DecideFiling');
    expect(notice.acknowledgedAt).toBeNull();
    interface Ack {
      acknowledgedAt: string;
      alreadyAcknowledged: boolean;
    }
    const first = await stack.request<Ack>('POST', `/api/notices/${notice.eventId}/ack`, undefined, 'chief-zhao');
    expect(first.status).toBe(200);
    expect(first.body.alreadyAcknowledged).toBe(false);
    const again = await stack.request<Ack>('POST', `/api/notices/${notice.eventId}/ack`, undefined, 'chief-zhao');
    expect(again.body).toMatchObject({ alreadyAcknowledged: true, acknowledgedAt: first.body.acknowledgedAt });
    expect((await stack.request('POST', `/api/notices/${notice.eventId}/ack`, undefined, 'officer-li')).status).toBe(403);
    expect((await stack.request('POST', '/api/notices/no-such-notice/ack', undefined, 'chief-zhao')).status).toBe(404);
    const read = await stack.request<Mine>('GET', '/api/notices/mine?limit=200', undefined, 'chief-zhao');
    expect(read.body.items.find((n) => n.eventId === notice.eventId)?.acknowledgedAt).toBe(first.body.acknowledgedAt);
    // not the quality chief's
    const other = await stack.request<Mine>('GET', '/api/notices/mine?limit=200', undefined, 'chief-liu');
    expect(other.body.items.map((n) => n.caseId)).not.toContain(caseId);
  });
});
