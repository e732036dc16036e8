import { ESCALATION_CASE_TYPE, PENALTY_CASE_TYPE, PROCESSES, commandTypesOf, shanghaiDate } from '@qts/domain';
import { Stack, waitUntil } from '../../support/stack';

interface OpenApiDoc {
  paths: Record<
    string,
    {
      post?: {
        requestBody?: { content?: Record<string, { schema?: Record<string, unknown> }> };
        responses?: Record<string, { content?: Record<string, { schema?: { required?: string[] } }> }>;
      };
    }
  >;
}
interface ErrorBody {
  code: string;
  message: string;
  details: Record<string, unknown>;
}
interface ProcessView {
  caseType: string;
  labels: { zh: string; en: string };
  route: string;
  openings: { type: string; labels: { zh: string }; permitted: boolean }[];
  commands: { type: string; labels: { zh: string }; permitted: boolean }[];
  stages: { stage: string; labels: { zh: string } }[];
}

const today = shanghaiDate(Date.now());
const LEAD = {
  type: 'RegisterLead',
  section: 'enforcement',
  title: '涉嫌生产不合格产品',
  party: { kind: 'organisation', name: '某电线电缆厂' },
  discoveredOn: today,
  leadSource: 'inspection',
  summary: '监督抽查不合格',
};

let stack: Stack;
/** A penalty case (线索) of the enforcement section, in the read model. */
async function openLead(): Promise<string> {
  const res = await stack.request<{ caseId: string }>('POST', '/api/penalty-cases', LEAD);
  expect(res.status).toBe(201);
  const { caseId } = res.body;
  await waitUntil(`case ${caseId} projected`, async () =>
    (await stack.request('GET', `/api/cases/${caseId}`)).status === 200 ? true : undefined,
  );
  return caseId;
}
beforeAll(async () => {
  stack = await Stack.start();
});
afterAll(async () => {
  await stack?.stop();
});

/** Types a documented request body accepts (one object or oneOf). */
function bodyTypes(schema: Record<string, unknown> | undefined): string[] {
  const options = (schema?.['oneOf'] as Record<string, unknown>[] | undefined) ?? (schema ? [schema] : []);
  return options.flatMap((o) => (o['properties'] as { type?: { enum?: string[] } } | undefined)?.type?.enum ?? []);
}

/** The API's routes, OpenAPI and the "what may I do" answer come from the registry: every process, no hand list. */
describe('registry-driven HTTP edges', () => {
  it('documents every registered process: its opening and command bodies (from the zod schemas) and its 4xx answers', async () => {
    const res = await stack.send<OpenApiDoc>('GET', '/api/docs-json');
    expect(res.status).toBe(200);
    for (const process of PROCESSES) {
      const open = res.body.paths[`/api/${process.route}`]?.post;
      const send = res.body.paths[`/api/${process.route}/{id}/commands`]?.post;
      expect(bodyTypes(open?.requestBody?.content?.['application/json']?.schema).sort()).toEqual(
        commandTypesOf(process.commands.opening).sort(),
      );
      expect(bodyTypes(send?.requestBody?.content?.['application/json']?.schema).sort()).toEqual(
        commandTypesOf(process.commands.running).sort(),
      );
      expect(Object.keys(open?.responses ?? {}).sort()).toEqual(['201', '400', '401', '403', '409', '413', '415', '422']);
      expect(Object.keys(send?.responses ?? {}).sort()).toEqual(['200', '400', '401', '403', '404', '409', '413', '415', '422', '503']);
      // every answer documents the one error shape
      for (const [status, answer] of Object.entries({ ...open?.responses, ...send?.responses }))
        if (status >= '400')
          expect([status, answer.content?.['application/json']?.schema?.required]).toEqual([
            status,
            expect.arrayContaining(['code', 'message', 'correlationId']),
          ]);
    }
    // the escalation's answer names its id escalationId too, as it did before the registry; the penalty's does not
    const answerFields = (route: string) =>
      res.body.paths[`/api/${route}`]?.post?.responses?.['201']?.content?.['application/json']?.schema?.required;
    expect(answerFields('escalations')).toContain('escalationId');
    expect(answerFields('penalty-cases')).not.toContain('escalationId');
  });

  it('lists every process with zh-CN labels, and marks what this person may send', async () => {
    const officer = await stack.request<{ processes: ProcessView[] }>('GET', '/api/processes');
    expect(officer.status).toBe(200);
    expect(officer.body.processes.map((p) => p.caseType).sort()).toEqual(PROCESSES.map((p) => p.caseType).sort());
    for (const p of officer.body.processes) {
      expect(p.labels.zh).toMatch(/\p{Script=Han}/u);
      for (const c of [...p.openings, ...p.commands]) expect(c.labels.zh).toMatch(/\p{Script=Han}/u);
      expect(p.stages.length).toBeGreaterThan(0);
    }
    const penalty = officer.body.processes.find((p) => p.caseType === PENALTY_CASE_TYPE);
    // an officer registers leads but does not decide penalties (the head does, 《行政处罚法》第五十七条)
    expect(penalty?.openings.find((c) => c.type === 'RegisterLead')?.permitted).toBe(true);
    expect(penalty?.commands.find((c) => c.type === 'DecidePenalty')?.permitted).toBe(false);
    const head = await stack.request<{ processes: ProcessView[] }>('GET', '/api/processes', undefined, 'head-wang');
    const decide = head.body.processes.find((p) => p.caseType === PENALTY_CASE_TYPE)?.commands.find((c) => c.type === 'DecidePenalty');
    expect(decide?.permitted).toBe(true);
  });

  it('an unknown route is 404 naming it and the processes’ routes', async () => {
    const unknownRoute = await stack.request<ErrorBody>('POST', '/api/no-such-process', { type: 'Open' });
    expect([unknownRoute.status, unknownRoute.body.code]).toEqual([404, 'ROUTE_NOT_FOUND']);
    expect(unknownRoute.body.message).toContain('POST /api/no-such-process');
    for (const process of PROCESSES) expect(unknownRoute.body.message).toContain(`/api/${process.route}`);
    const unknownCommandsRoute = await stack.request<ErrorBody>('POST', '/api/no-such-process/X-1/commands', { type: 'Open' });
    expect([unknownCommandsRoute.status, unknownCommandsRoute.body.code]).toEqual([404, 'ROUTE_NOT_FOUND']);
  });

  it('an unknown command type is 400 naming it and the ones the route takes, on the opening and on the case route', async () => {
    const unknownType = await stack.request<ErrorBody>('POST', '/api/penalty-cases', { type: 'OpenEverything', section: 'quality' });
    expect([unknownType.status, unknownType.body.code]).toEqual([400, 'UNKNOWN_COMMAND']);
    expect(unknownType.body.message).toContain('OpenEverything');
    expect(unknownType.body.details['known']).toEqual(expect.arrayContaining(['RegisterLead', 'OpenSummaryCase']));
    // a running command is not an opening
    const notOpening = await stack.request<ErrorBody>(
      'POST',
      '/api/penalty-cases',
      { type: 'DecidePenalty', section: 'enforcement' },
      'head-wang',
    );
    expect([notOpening.status, notOpening.body.code]).toEqual([400, 'UNKNOWN_COMMAND']);
    expect(notOpening.body.message).toContain('DecidePenalty');

    const caseId = await openLead();
    const commands = `/api/penalty-cases/${caseId}/commands`;
    const unknownOnCase = await stack.request<ErrorBody>('POST', commands, { type: 'CloseEverything' });
    expect([unknownOnCase.status, unknownOnCase.body.code]).toEqual([400, 'UNKNOWN_COMMAND']);
    expect(unknownOnCase.body.message).toContain('CloseEverything');
    expect(unknownOnCase.body.details['known']).toContain('RecordEvidence');
    // an opening is not a command on a case; a type that is not text is named as sent
    const openingOnCase = await stack.request<ErrorBody>('POST', commands, { type: 'RegisterLead' });
    expect([openingOnCase.status, openingOnCase.body.code, openingOnCase.body.message]).toEqual([
      400,
      'UNKNOWN_COMMAND',
      expect.stringContaining('RegisterLead'),
    ]);
    const objectType = await stack.request<ErrorBody>('POST', commands, { type: { evil: true } });
    expect([objectType.status, objectType.body.code, objectType.body.message]).toEqual([
      400,
      'UNKNOWN_COMMAND',
      expect.stringContaining('{"evil":true}'),
    ]);
  });

  it('a command addressed to a case of another process is 404 naming where that case’s commands go; the case is unchanged', async () => {
    const caseId = await openLead();
    const res = await stack.request<ErrorBody>(
      'POST',
      `/api/escalations/${caseId}/commands`,
      { type: 'RecordAcknowledgement', acknowledgedOn: today, acknowledgedBy: '市局' },
      'head-wang',
    );
    expect([res.status, res.body.code]).toEqual([404, 'CASE_OF_ANOTHER_PROCESS']);
    expect(res.body.message).toContain(`/api/penalty-cases/${caseId}/commands`);
    expect(res.body.details).toMatchObject({ caseId, caseType: PENALTY_CASE_TYPE, expected: ESCALATION_CASE_TYPE });
    const state = await stack.request<{ lastSeq: number; timeline: { type: string }[] }>('GET', `/api/cases/${caseId}`);
    expect(state.body.timeline.map((e) => e.type)).toEqual(['PenaltyCaseOpened']);
  });

  it('answers an opening with the case and its stage; an escalation names its id escalationId too', async () => {
    const escalation = await stack.request<{ caseId: string; escalationId?: string; stage: string }>('POST', '/api/escalations', {
      type: 'OpenEscalation',
      target: { kind: 'city_bureau' },
      subject: '请求协查',
      legalGround: '《产品质量法》',
      caseSummary: { title: '跨区生产', partyName: '某电线电缆厂', facts: '生产地在外区' },
      section: 'enforcement',
      openedOn: today,
    });
    expect(escalation.status).toBe(201);
    expect(escalation.body.escalationId).toBe(escalation.body.caseId);
    expect(escalation.body.caseId).toMatch(/^ESC-\d{8}-/);
    const lead = await stack.request<Record<string, unknown>>('POST', '/api/penalty-cases', LEAD);
    expect(lead.status).toBe(201);
    expect(Object.keys(lead.body).sort()).toEqual(['caseId', 'events', 'stage']);
  });
});
