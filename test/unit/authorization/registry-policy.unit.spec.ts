import {
  ACTION_POLICY,
  ESCALATION_CASE_TYPE,
  PROCESSES,
  authorize,
  commandRule,
  commandsOf,
  penaltyCaseProcess,
  permittedFor,
  personRoleSchema,
  sectionSchema,
  type AnyCaseProcess,
  type PersonRole,
  type Principal,
  type Rule,
  type Section,
} from '@qts/domain';

const VALID = { number: 'C-0001', validFrom: '2024-01-01', validTo: '2029-12-31' };
const TODAY = '2026-11-28';
const ROLES = personRoleSchema.options;
const SECTIONS = sectionSchema.options;
const policyOf = (p: AnyCaseProcess) => p.commands.policy as Record<string, Rule>;

/** Whether `authorize` lets the person send the command on some case: any section, assigned or not. */
function allowedOnSomeCase(rule: Rule, roles: PersonRole[], section: Section | null): boolean {
  const principal: Principal = { id: 'p', name: 'p', roles, section, certificate: VALID };
  return SECTIONS.some((caseSection) =>
    [false, true].some((assigned) => authorize({ action: 'X', rule, principal, caseSection, assigned, today: TODAY }).allowed),
  );
}

describe('commandRule and commandsOf read the registry', () => {
  it('give every policy row of every registered process, by case type', () => {
    for (const process of PROCESSES) {
      const rows = policyOf(process);
      expect(commandsOf(process.caseType).sort()).toEqual(Object.keys(rows).sort());
      for (const [type, rule] of Object.entries(rows)) expect(commandRule(process.caseType, type)).toBe(rule);
    }
  });

  it('give nothing for a case type not registered, a command not in the table, or an inherited property name', () => {
    expect(commandRule('no-such-process', 'RegisterLead')).toBeUndefined();
    expect(commandsOf('no-such-process')).toEqual([]);
    for (const process of PROCESSES) {
      for (const type of ['NoSuchCommand', 'constructor', 'toString', '__proto__', 'hasOwnProperty', ''])
        expect([type, commandRule(process.caseType, type)]).toEqual([type, undefined]);
    }
    // a command of another process is not this one's
    expect(commandRule(ESCALATION_CASE_TYPE, 'DecidePenalty')).toBeUndefined();
  });
});

describe('permittedFor', () => {
  it('has one list per registered process, keyed by case type, and the actions', () => {
    const permitted = permittedFor(['bureau_head'], null);
    expect(Object.keys(permitted).sort()).toEqual([...PROCESSES.map((p) => p.caseType), 'actions'].sort());
    expect(permitted.actions).toContain('assignments.manage');
  });

  // every role alone, the combinations the demo bureau holds, each section and none
  const people: PersonRole[][] = [...ROLES.map((r) => [r]), ['officer', 'section_chief'], ['bureau_head', 'case_review_committee']];
  it.each(people.flatMap((roles) => [...SECTIONS, null].map((section) => [roles.join('+'), section, roles] as const)))(
    '%s of %s: a command is offered exactly when authorize admits it on some case',
    (_name, section, roles) => {
      const permitted = permittedFor(roles, section);
      for (const process of PROCESSES) {
        const expected = Object.entries(policyOf(process))
          .filter(([, rule]) => allowedOnSomeCase(rule, roles, section))
          .map(([type]) => type);
        expect([process.caseType, (permitted[process.caseType] ?? []).sort()]).toEqual([process.caseType, expected.sort()]);
      }
      const actions = Object.entries(ACTION_POLICY)
        .filter(([, rule]) => rule.grants.some((g) => roles.includes(g.role)))
        .map(([name]) => name);
      expect(permitted.actions.sort()).toEqual(actions.sort());
    },
  );

  it('takes up a process once it is in the registry, with no edit to the authorisation', () => {
    const recall = {
      ...penaltyCaseProcess,
      caseType: 'recall-test',
      commands: {
        ...penaltyCaseProcess.commands,
        policy: {
          OrderRecall: { grants: [{ role: 'section_chief', scope: 'own_section' }], basis: 'test' },
          ReviewRecall: { grants: [{ role: 'officer', scope: { onlySection: 'special_equipment' } }], basis: 'test' },
        },
      },
    } as unknown as AnyCaseProcess;
    const registry = PROCESSES as AnyCaseProcess[];
    expect(permittedFor(['section_chief'], 'quality')['recall-test']).toBeUndefined();
    registry.push(recall);
    try {
      expect(permittedFor(['section_chief'], 'quality')['recall-test']).toEqual(['OrderRecall']);
      expect(permittedFor(['officer'], 'special_equipment')['recall-test']).toEqual(['ReviewRecall']);
      expect(permittedFor(['officer'], 'quality')['recall-test']).toEqual([]);
      expect(commandRule('recall-test', 'OrderRecall')?.basis).toBe('test');
      expect(commandsOf('recall-test')).toEqual(['OrderRecall', 'ReviewRecall']);
    } finally {
      registry.splice(registry.indexOf(recall), 1);
    }
    expect(commandRule('recall-test', 'OrderRecall')).toBeUndefined();
  });
});
