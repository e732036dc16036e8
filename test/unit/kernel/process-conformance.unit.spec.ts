import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROCESSES, SYSTEM_ACTOR, caseProjections, eventIdOf, type AnyCaseProcess, type EventEnvelope } from '@qts/domain';
import type { ZodType } from 'zod';
import { commandSamplesOf, commandTypesOf, pathsOf, sampleOf, withAt } from '../../support/zod-sample';

const ROOT = path.resolve(__dirname, '../../..');
const HISTORIES = path.join(ROOT, 'test/replay/histories');
const WORKFLOW_SPECS = path.join(ROOT, 'test/workflow');

/** The workflow type each committed history started. */
function historyWorkflowTypes(): Set<string> {
  const types = new Set<string>();
  for (const file of readdirSync(HISTORIES).filter((f) => f.endsWith('.json'))) {
    const history = JSON.parse(readFileSync(path.join(HISTORIES, file), 'utf8')) as {
      events: { workflowExecutionStartedEventAttributes?: { workflowType?: { name?: string } } }[];
    };
    const name = history.events[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name;
    if (name) types.add(name);
  }
  return types;
}

function envelope(process: AnyCaseProcess, type: string, payload: unknown): EventEnvelope {
  return {
    eventId: eventIdOf('CONFORMANCE-1', 1),
    caseId: 'CONFORMANCE-1',
    caseType: process.caseType,
    bureauId: 'bureau-test',
    seq: 1,
    type,
    schemaVersion: process.events.schemaVersion,
    occurredAt: '2027-01-04T08:00:00.000Z',
    actor: SYSTEM_ACTOR,
    payload: payload as Record<string, unknown>,
  };
}

/**
 * Every registered process satisfies the kernel's contract: a process missing a policy row, a label, an evolve
 * branch, a projection, a committed history or a time-skipping test fails here, whoever forgot it.
 */
describe.each(PROCESSES.map((p) => [p.caseType, p] as const))('case process %s conforms to the kernel', (_caseType, process) => {
  const openings = commandTypesOf(process.commands.opening);
  const running = commandTypesOf(process.commands.running);
  const commands = [...openings, ...running];
  const events = Object.keys(process.events.payloadSchemas);

  it('is registered once, with unique case type, route, id prefix and Temporal names', () => {
    for (const key of ['caseType', 'route', 'idPrefix'] as const) {
      expect(PROCESSES.filter((p) => p[key] === process[key])).toHaveLength(1);
    }
    for (const key of ['workflowType', 'commandUpdate', 'stateQuery'] as const) {
      expect(PROCESSES.filter((p) => p.temporal[key] === process.temporal[key])).toHaveLength(1);
    }
    expect(process.labels.zh).toMatch(/\p{Script=Han}/u);
  });

  it('has a policy row with a grant and a legal basis, and a zh-CN label, for every command — and none for a command it lacks', () => {
    expect(openings.length).toBeGreaterThan(0);
    for (const type of commands) {
      const rule = (process.commands.policy as Record<string, { grants: unknown[]; basis: string } | undefined>)[type];
      expect({ type, grants: rule?.grants.length ?? 0 }).toEqual({ type, grants: expect.any(Number) as number });
      expect(rule?.grants.length).toBeGreaterThan(0);
      expect(rule?.basis.trim().length).toBeGreaterThan(0);
      const label = (process.commands.labels as Record<string, { zh: string; en: string } | undefined>)[type];
      expect({ type, zh: label?.zh }).toEqual({ type, zh: expect.stringMatching(/\p{Script=Han}/u) as string });
      expect(label?.en.length).toBeGreaterThan(0);
    }
    expect(Object.keys(process.commands.policy).sort()).toEqual([...commands].sort());
    expect(Object.keys(process.commands.labels).sort()).toEqual([...commands].sort());
  });

  it('lets the system identity send only some of its running commands (integrations), never all of them', () => {
    const samples = commandSamplesOf(process.commands.running);
    expect(samples.map((s) => s.type).sort()).toEqual([...running].sort());
    for (const { sample } of samples) expect(process.commands.running.safeParse(sample).success).toBe(true);
    const bySystem = samples.filter(({ sample }) => process.commands.systemMay(sample)).map((s) => s.type);
    expect(bySystem.length).toBeLessThan(running.length);
  });

  it('refuses, naming the field, any command carrying a character that cannot be stored or an unknown property', () => {
    for (const schema of [process.commands.opening, process.commands.running]) {
      for (const { type, sample } of commandSamplesOf(schema)) {
        const { strings, objects } = pathsOf(sample);
        for (const path of strings) {
          const result = schema.safeParse(withAt(sample, path, (s) => `${String(s)}\u0000`));
          expect({ type, path, refusedThere: result.error?.issues.some((i) => i.path.join('.') === path.join('.')) }).toEqual({
            type,
            path,
            refusedThere: true,
          });
        }
        for (const path of objects) {
          const result = schema.safeParse(withAt(sample, path, (o) => ({ ...(o as object), notAField: 1 })));
          expect({ type, path, named: result.error?.issues.some((i) => i.message.includes('notAField')) }).toEqual({
            type,
            path,
            named: true,
          });
        }
      }
    }
  });

  it.each(events)('handles event %s in evolve and in the read-model projection, and labels it', (type) => {
    const schema = (process.events.payloadSchemas as Record<string, ZodType>)[type];
    if (!schema) throw new Error(`no schema for ${type}`);
    const payload = schema.parse(sampleOf(schema));
    const initial = process.initialState() as object;
    let evolved: unknown = initial;
    try {
      evolved = process.evolve(initial, { type, payload });
    } catch {
      // the handler exists and refused an event that makes no sense on an empty case: handled
      evolved = null;
    }
    // an unhandled type falls through to `never` and returns the event itself
    expect(evolved).not.toEqual({ type, payload });
    if (evolved !== null) expect(evolved).not.toBe(initial);

    const projection = caseProjections[process.caseType];
    expect(projection).toBe(process.projection);
    let projected: unknown = null;
    try {
      projected = projection?.evolve(projection.initialState(), envelope(process, type, payload));
    } catch (err) {
      // the projection parses with the same schema: only the handler may refuse, as in the workflow
      expect(String(err)).not.toMatch(/unknown .* event type/);
    }
    if (projected !== null) expect(projected).not.toEqual(envelope(process, type, payload));
    expect(process.events.labels[type]?.zh).toMatch(/\p{Script=Han}/u);
  });

  it('declares whose move: the commands a case accepts now, checked against its decider in moves-conformance', () => {
    expect(process.moves).toBeDefined();
    expect(process.moves?.notNowCodes.length).toBeGreaterThan(0);
  });

  it('parses only its own event types', () => {
    expect(() => {
      process.events.parse('NoSuchEvent', {});
    }).toThrow();
  });

  it('labels every stage it can be in, starting with its initial stage', () => {
    expect(process.stages.all).toContain(process.stageOf(process.initialState()));
    for (const stage of process.stages.all) {
      const label = process.stages.label(stage);
      expect({ stage, zh: label.zh }).toEqual({ stage, zh: expect.stringMatching(/\p{Script=Han}/u) as string });
    }
    const view = process.projection.view(process.initialState());
    expect(view.caseType).toBe(process.caseType);
  });

  it('has a committed replay history and a time-skipping test', () => {
    expect([...historyWorkflowTypes()]).toContain(process.temporal.workflowType);
    const specs = readdirSync(WORKFLOW_SPECS).filter((f) => f.startsWith(process.caseType) && f.endsWith('.workflow.spec.ts'));
    expect(specs.length).toBeGreaterThan(0);
  });
});

describe('the registry', () => {
  it('holds every process whose projection the read model knows, and no other', () => {
    expect(Object.keys(caseProjections).sort()).toEqual(PROCESSES.map((p) => p.caseType).sort());
  });
});
