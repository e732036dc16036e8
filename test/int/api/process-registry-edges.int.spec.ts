import { PENALTY_CASE_TYPE, PROCESSES, commandTypesOf } from '@qts/domain';
import { Stack } from '../../support/stack';

interface OpenApiDoc {
  paths: Record<
    string,
    { post?: { requestBody?: { content?: Record<string, { schema?: Record<string, unknown> }> }; responses?: Record<string, unknown> } }
  >;
}
interface ProcessView {
  caseType: string;
  labels: { zh: string; en: string };
  route: string;
  openings: { type: string; labels: { zh: string }; permitted: boolean }[];
  commands: { type: string; labels: { zh: string }; permitted: boolean }[];
  stages: { stage: string; labels: { zh: string } }[];
}

let stack: Stack;
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
      for (const status of ['400', '403', '404', '409', '503']) expect(Object.keys(send?.responses ?? {})).toContain(status);
      expect(Object.keys(open?.responses ?? {})).toContain('201');
    }
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

  it('an unknown route is 404 with a reason; an unknown command type is 400 naming it and the known ones', async () => {
    const unknownRoute = await stack.request<{ code: string; message: string }>('POST', '/api/no-such-process', { type: 'Open' });
    expect(unknownRoute.status).toBe(404);
    expect(unknownRoute.body.message.length).toBeGreaterThan(0);
    const unknownType = await stack.request<{ code: string; message: string }>('POST', '/api/penalty-cases', {
      type: 'OpenEverything',
      section: 'quality',
    });
    expect(unknownType.status).toBe(400);
    expect(unknownType.body.code).toBe('UNKNOWN_COMMAND');
    expect(unknownType.body.message).toContain('OpenEverything');
    expect(unknownType.body.message).toContain('RegisterLead');
  });
});
