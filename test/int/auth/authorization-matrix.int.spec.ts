import { commandTypesOf, escalationProcess, penaltyCaseProcess, shanghaiDate, type AnyCaseProcess } from '@qts/domain';
import { Stack } from '../../support/stack';

/**
 * Role × command × section through HTTP on the real stack. The cases belong to the enforcement team (稽查队); the
 * people are demo-bureau accounts of that section, of other sections, and bureau-wide roles. Each command is sent
 * with only its type: a permitted one passes the guard and is then refused by validation (400, nothing changes);
 * a forbidden one is 403 with the reason. Every cell is asserted.
 */
const PEOPLE = [
  'officer-li', // 执法人员, enforcement
  'chief-zhao', // 科长 + 执法人员, enforcement
  'officer-chen', // 执法人员, quality (another section)
  'chief-liu', // 科长 + 执法人员, quality
  'officer-qian', // 执法人员, office (法制审核)
  'head-wang', // 局长 + 案审会
  'committee', // 案审会
  'auditor-zhou', // 审计
  'admin', // 管理员
] as const;
type Person = (typeof PEOPLE)[number];

const HANDLERS: Person[] = ['officer-li', 'chief-zhao'];
const HEAD: Person[] = ['head-wang'];
const CHIEF_OR_HEAD: Person[] = ['chief-zhao', 'head-wang'];
const RECORDERS: Person[] = ['officer-li', 'chief-zhao', 'officer-qian', 'head-wang'];

/** Who may send each penalty command on an enforcement-section case (written out, not derived from the policy). */
const PENALTY_ALLOWED: Record<keyof typeof penaltyCaseProcess.commands.policy, Person[]> = {
  OpenSummaryCase: HANDLERS,
  RegisterLead: HANDLERS,
  ExtendFilingPeriod: HEAD,
  DecideFiling: HEAD,
  RecordEvidence: HANDLERS,
  ConcludeInvestigation: HANDLERS,
  RequestLegalReview: HANDLERS,
  CompleteLegalReview: ['officer-qian'],
  ServePenaltyNotice: HANDLERS,
  RecordDefence: HANDLERS,
  RequestHearing: HANDLERS,
  HoldHearing: ['chief-zhao', 'chief-liu', 'head-wang'],
  PauseDecisionClock: CHIEF_OR_HEAD,
  ResumeDecisionClock: CHIEF_OR_HEAD,
  ExtendDecisionPeriod: HEAD,
  ExtendDecisionPeriodCollectively: ['head-wang', 'committee'],
  RecordCommitteeDecision: ['head-wang', 'committee'],
  DecidePenalty: HEAD,
  ServeDecision: HANDLERS,
  RecordPayment: HANDLERS,
  ApproveDeferral: HEAD,
  ApproveInstalments: HEAD,
  ReduceLateFee: HEAD,
  ServeDemandNotice: HANDLERS,
  ApplyToCourt: CHIEF_OR_HEAD,
  RecordCourtRuling: HANDLERS,
  TransferToPolice: HEAD,
};

const ESCALATION_ALLOWED: Record<keyof typeof escalationProcess.commands.policy, Person[]> = {
  OpenEscalation: ['officer-li', 'chief-zhao', 'head-wang'],
  SubmitEscalation: HEAD,
  RecordAcknowledgement: RECORDERS,
  RecordForwarding: RECORDERS,
  RecordDecision: RECORDERS,
  WithdrawEscalation: HEAD,
  ResubmitEscalation: HEAD,
};

let stack: Stack;
let penaltyCase: string;
let escalationCase: string;
const today = shanghaiDate(Date.now());

beforeAll(async () => {
  stack = await Stack.start();
  const lead = await stack.request<{ caseId: string }>('POST', '/api/penalty-cases', {
    type: 'RegisterLead',
    section: 'enforcement',
    title: '涉嫌生产不合格产品',
    party: { kind: 'organisation', name: '某电线电缆厂' },
    discoveredOn: today,
    leadSource: 'inspection',
    summary: '监督抽查不合格',
  });
  expect(lead.status).toBe(201);
  penaltyCase = lead.body.caseId;
  const escalation = await stack.request<{ escalationId: string }>('POST', '/api/escalations', {
    type: 'OpenEscalation',
    target: { kind: 'city_bureau' },
    subject: '请求协查',
    legalGround: '《产品质量法》',
    caseSummary: { title: '跨区生产', partyName: '某电线电缆厂', facts: '生产地在外区' },
    section: 'enforcement',
    openedOn: today,
  });
  expect(escalation.status).toBe(201);
  escalationCase = escalation.body.escalationId;
});
afterAll(() => stack?.stop());

interface ErrorBody {
  code: string;
  message: string;
}

type Cell = { person: Person; type: string; status: number; code: string };

/** Each command to its process's route from the registry: an opening to POST /api/{route}, others to the case. */
async function sendAll(process: AnyCaseProcess, caseId: string, allowed: Record<string, Person[]>): Promise<Cell[]> {
  const cells: Cell[] = [];
  const openings = commandTypesOf(process.commands.opening);
  for (const [type, permitted] of Object.entries(allowed)) {
    const opening = openings.includes(type);
    const url = opening ? `/api/${process.route}` : `/api/${process.route}/${caseId}/commands`;
    for (const person of PEOPLE) {
      const res = await stack.request<ErrorBody>('POST', url, opening ? { type, section: 'enforcement' } : { type }, person);
      const expected = permitted.includes(person) ? 400 : 403;
      cells.push({ person, type, status: res.status, code: res.body.code });
      expect({ person, type, status: res.status }).toEqual({ person, type, status: expected });
      if (expected === 403) {
        expect(['ROLE_NOT_PERMITTED', 'SECTION_NOT_PERMITTED']).toContain(res.body.code);
        expect(res.body.message.length).toBeGreaterThan(10);
      } else {
        expect(res.body.code).toBe('INVALID_REQUEST');
      }
    }
  }
  return cells;
}

describe('who may send which command on which section’s case', () => {
  it('covers every command the API offers', () => {
    expect(Object.keys(PENALTY_ALLOWED).sort()).toEqual(Object.keys(penaltyCaseProcess.commands.policy).sort());
    expect(Object.keys(ESCALATION_ALLOWED).sort()).toEqual(Object.keys(escalationProcess.commands.policy).sort());
  });

  it('penalty case commands: every role × command cell', async () => {
    const cells = await sendAll(penaltyCaseProcess, penaltyCase, PENALTY_ALLOWED);
    expect(cells).toHaveLength(Object.keys(PENALTY_ALLOWED).length * PEOPLE.length);
    // the other section's officer is refused for the section, not the role
    expect(cells.find((c) => c.person === 'officer-chen' && c.type === 'RecordEvidence')?.code).toBe('SECTION_NOT_PERMITTED');
    expect(cells.find((c) => c.person === 'officer-li' && c.type === 'DecidePenalty')?.code).toBe('ROLE_NOT_PERMITTED');
  });

  it('escalation commands: every role × command cell', async () => {
    const cells = await sendAll(escalationProcess, escalationCase, ESCALATION_ALLOWED);
    expect(cells).toHaveLength(Object.keys(ESCALATION_ALLOWED).length * PEOPLE.length);
  });

  it('opening a case in another section is refused; in one’s own it passes the guard', async () => {
    const other = await stack.request<ErrorBody>('POST', '/api/penalty-cases', { type: 'RegisterLead', section: 'quality' }, 'officer-li');
    expect([other.status, other.body.code]).toEqual([403, 'SECTION_NOT_PERMITTED']);
    const own = await stack.request<ErrorBody>('POST', '/api/penalty-cases', { type: 'RegisterLead', section: 'quality' }, 'officer-chen');
    expect(own.status).toBe(400);
  });

  it('the other actions: reading, audit, accounts, calendar, routing, assignments', async () => {
    const routes: { method: string; url: string; body?: unknown; allowed: readonly Person[]; okStatus: number }[] = [
      { method: 'GET', url: '/api/cases', allowed: PEOPLE, okStatus: 200 },
      { method: 'GET', url: `/api/cases/${penaltyCase}/assignments`, allowed: PEOPLE, okStatus: 200 },
      { method: 'GET', url: '/api/notices', allowed: PEOPLE, okStatus: 200 },
      { method: 'GET', url: '/api/notices?recipientRole=section_chief&section=enforcement', allowed: PEOPLE, okStatus: 200 },
      { method: 'GET', url: '/api/calendar', allowed: PEOPLE, okStatus: 200 },
      { method: 'GET', url: '/api/escalations', allowed: PEOPLE, okStatus: 200 },
      { method: 'GET', url: '/api/auth/me', allowed: PEOPLE, okStatus: 200 },
      { method: 'GET', url: '/api/processes', allowed: PEOPLE, okStatus: 200 },
      { method: 'POST', url: '/api/escalations/routing', body: {}, allowed: PEOPLE, okStatus: 400 },
      { method: 'GET', url: '/api/audit/refusals', allowed: ['auditor-zhou', 'head-wang'], okStatus: 200 },
      { method: 'GET', url: '/api/audit/identity', allowed: ['auditor-zhou', 'head-wang'], okStatus: 200 },
      { method: 'GET', url: '/api/users', allowed: ['admin'], okStatus: 200 },
      { method: 'POST', url: '/api/users', body: {}, allowed: ['admin'], okStatus: 400 },
      { method: 'POST', url: '/api/calendar/notices', body: {}, allowed: ['admin'], okStatus: 400 },
      { method: 'POST', url: `/api/cases/${penaltyCase}/assignments`, body: {}, allowed: ['chief-zhao', 'head-wang'], okStatus: 400 },
    ];
    for (const route of routes) {
      for (const person of PEOPLE) {
        const res = await stack.request<ErrorBody>(route.method, route.url, route.body, person);
        const expected = route.allowed.includes(person) ? route.okStatus : 403;
        expect({ person, route: `${route.method} ${route.url}`, status: res.status }).toEqual({
          person,
          route: `${route.method} ${route.url}`,
          status: expected,
        });
      }
    }
  });

  it('an assignment lets a person of another section act on the case, until it is revoked; both are audited', async () => {
    const commands = `/api/penalty-cases/${penaltyCase}/commands`;
    expect((await stack.request('POST', commands, { type: 'RecordEvidence' }, 'officer-chen')).status).toBe(403);
    const byOtherChief = await stack.request<ErrorBody>(
      'POST',
      `/api/cases/${penaltyCase}/assignments`,
      { userId: 'officer-chen', reason: '协助取证' },
      'chief-liu',
    );
    expect([byOtherChief.status, byOtherChief.body.code]).toEqual([403, 'SECTION_NOT_PERMITTED']);
    const granted = await stack.request(
      'POST',
      `/api/cases/${penaltyCase}/assignments`,
      { userId: 'officer-chen', reason: '协助取证' },
      'chief-zhao',
    );
    expect(granted.status).toBe(201);
    expect((await stack.request('POST', commands, { type: 'RecordEvidence' }, 'officer-chen')).status).toBe(400);
    // an assignment opens the case, not the head's decisions
    expect((await stack.request('POST', commands, { type: 'DecideFiling' }, 'officer-chen')).status).toBe(403);
    const revoked = await stack.request(
      'POST',
      `/api/cases/${penaltyCase}/assignments/officer-chen/revoke`,
      { reason: '取证完毕' },
      'chief-zhao',
    );
    expect(revoked.status).toBe(200);
    expect((await stack.request('POST', commands, { type: 'RecordEvidence' }, 'officer-chen')).status).toBe(403);
    const log = await stack.request<{ action: string; actorId: string; details: { caseId: string } }[]>(
      'GET',
      '/api/audit/identity?subject=officer-chen',
      undefined,
      'auditor-zhou',
    );
    expect(log.body.filter((e) => e.details.caseId === penaltyCase).map((e) => [e.action, e.actorId])).toEqual([
      ['assignment.revoked', 'chief-zhao'],
      ['assignment.granted', 'chief-zhao'],
    ]);
  });

  it('refused commands are in the refusal log with who and why', async () => {
    const log = await stack.request<{ actor: { id: string }; command: { type: string }; code: string; caseId: string | null }[]>(
      'GET',
      `/api/audit/refusals?caseId=${penaltyCase}&limit=500`,
      undefined,
      'auditor-zhou',
    );
    expect(log.body).toContainEqual(
      expect.objectContaining({
        actor: expect.objectContaining({ id: 'officer-li' }) as unknown,
        command: { type: 'DecidePenalty' },
        code: 'ROLE_NOT_PERMITTED',
      }),
    );
  });

  it('without a token nothing is reachable but health and sign-in', async () => {
    for (const [method, url] of [
      ['POST', `/api/penalty-cases/${penaltyCase}/commands`],
      ['POST', '/api/penalty-cases'],
      ['POST', `/api/escalations/${escalationCase}/commands`],
      ['GET', '/api/cases'],
      ['GET', '/api/users'],
      ['GET', '/api/audit/verify'],
    ] as const) {
      const res = await stack.send<ErrorBody>(method, url, method === 'POST' ? { type: 'DecideFiling' } : undefined);
      expect({ url, status: res.status, code: res.body.code }).toEqual({ url, status: 401, code: 'AUTH_REQUIRED' });
    }
    expect((await stack.send('GET', '/health')).status).toBe(200);
  });
});
