import {
  ACTION_POLICY,
  PROCESSES,
  PENALTY_COMMAND_POLICY,
  authorize,
  escalationCaseCommandSchema,
  escalationOpeningCommandSchema,
  escalationProcess,
  penaltyCaseCommandSchema,
  penaltyOpeningCommandSchema,
  permittedFor,
  type PersonRole,
  type Principal,
  type Rule,
  type Section,
} from '@qts/domain';

const VALID = { number: 'C-1', validFrom: '2024-01-01', validTo: '2029-12-31' };
const person = (
  roles: PersonRole[],
  section: Section | null = 'enforcement',
  certificate: Principal['certificate'] = VALID,
): Principal => ({
  id: `p-${roles.join('-')}`,
  name: 'x',
  roles,
  section,
  certificate,
});
const ask = (rule: Rule, principal: Principal, caseSection: Section | undefined = 'enforcement', assigned = false) =>
  authorize({ action: 'X', rule, principal, ...(caseSection ? { caseSection } : {}), assigned, today: '2026-11-28' });

const commandTypes = (schema: { options: readonly { shape: { type: { value: string } } }[] }) =>
  schema.options.map((o) => o.shape.type.value);

describe('the policy table', () => {
  it('has a rule for every command the processes accept, and no other', () => {
    expect(Object.keys(PENALTY_COMMAND_POLICY).sort()).toEqual(
      [...commandTypes(penaltyOpeningCommandSchema), ...commandTypes(penaltyCaseCommandSchema)].sort(),
    );
    expect(Object.keys(escalationProcess.commands.policy).sort()).toEqual(
      [escalationOpeningCommandSchema.shape.type.value, ...commandTypes(escalationCaseCommandSchema)].sort(),
    );
  });

  it('gives no case command to auditors or administrators (they read and manage, they do not act)', () => {
    for (const process of PROCESSES) {
      for (const [type, rule] of Object.entries<Rule>(process.commands.policy as Record<string, Rule>)) {
        for (const role of ['auditor', 'administrator'] as const) {
          expect([type, ask(rule, person([role], 'enforcement', null)).allowed]).toEqual([type, false]);
        }
      }
    }
  });

  it.each([
    'DecideFiling',
    'ExtendFilingPeriod',
    'ExtendDecisionPeriod',
    'DecidePenalty',
    'ApproveDeferral',
    'ApproveInstalments',
    'TransferToPolice',
  ] as const)('%s is the bureau head’s alone', (type) => {
    const rule = PENALTY_COMMAND_POLICY[type];
    expect(ask(rule, person(['bureau_head'], null))).toEqual({ allowed: true, role: 'bureau_head' });
    for (const roles of [['officer'], ['section_chief', 'officer'], ['case_review_committee']] as PersonRole[][]) {
      const refusal = ask(rule, person(roles));
      expect(refusal).toMatchObject({ allowed: false, code: 'ROLE_NOT_PERMITTED', details: { required: ['bureau_head'] } });
    }
  });

  it('the committee decision is the committee’s alone, on any section’s case', () => {
    const rule = PENALTY_COMMAND_POLICY.RecordCommitteeDecision;
    expect(ask(rule, person(['case_review_committee'], null), 'metrology')).toEqual({ allowed: true, role: 'case_review_committee' });
    expect(ask(rule, person(['bureau_head'], null))).toMatchObject({ allowed: false, code: 'ROLE_NOT_PERMITTED' });
  });
});

describe('authorize', () => {
  const evidence = PENALTY_COMMAND_POLICY.RecordEvidence;

  it('lets an officer act on a case of their section, and refuses another section’s case naming both sections', () => {
    expect(ask(evidence, person(['officer']))).toEqual({ allowed: true, role: 'officer' });
    const refusal = ask(evidence, person(['officer'], 'quality'), 'enforcement');
    expect(refusal).toMatchObject({
      allowed: false,
      code: 'SECTION_NOT_PERMITTED',
      details: { caseSection: 'enforcement', section: 'quality' },
    });
  });

  it('an assignment opens another section’s case to the assignee', () => {
    expect(ask(evidence, person(['officer'], 'quality'), 'enforcement', true)).toEqual({ allowed: true, role: 'officer' });
  });

  it('an officer needs an enforcement certificate valid today', () => {
    expect(ask(evidence, person(['officer'], 'enforcement', null))).toMatchObject({ allowed: false, code: 'CERTIFICATE_REQUIRED' });
    const expired = { number: 'OLD', validFrom: '2019-01-01', validTo: '2026-11-27' };
    const refusal = ask(evidence, person(['officer'], 'enforcement', expired));
    expect(refusal).toMatchObject({ allowed: false, code: 'CERTIFICATE_NOT_VALID' });
    expect(!refusal.allowed && refusal.message).toContain('OLD');
    expect(ask(evidence, person(['officer'], 'enforcement', { ...expired, validTo: '2026-11-28' }))).toMatchObject({ allowed: true });
  });

  it('a chief who is also an officer acts as chief where the chief is entitled (no certificate needed then)', () => {
    expect(ask(PENALTY_COMMAND_POLICY.ApplyToCourt, person(['officer', 'section_chief'], 'enforcement', null))).toEqual({
      allowed: true,
      role: 'section_chief',
    });
  });

  it('legal review is done by the office, on any section’s case', () => {
    const rule = PENALTY_COMMAND_POLICY.CompleteLegalReview;
    expect(ask(rule, person(['officer'], 'office'), 'special_equipment')).toEqual({ allowed: true, role: 'officer' });
    expect(ask(rule, person(['officer'], 'enforcement'), 'enforcement')).toMatchObject({
      allowed: false,
      code: 'SECTION_NOT_PERMITTED',
      details: { requiredSection: 'office' },
    });
  });

  it('actions outside cases ignore sections', () => {
    expect(ask(ACTION_POLICY['users.manage'], person(['administrator'], 'office', null), undefined)).toEqual({
      allowed: true,
      role: 'administrator',
    });
    expect(ask(ACTION_POLICY['audit.read'], person(['officer']), undefined)).toMatchObject({ allowed: false, code: 'ROLE_NOT_PERMITTED' });
    expect(ask(ACTION_POLICY['audit.read'], person(['auditor'], null, null), undefined)).toEqual({ allowed: true, role: 'auditor' });
  });

  it('a refusal names the roles required and the basis', () => {
    const refusal = ask(PENALTY_COMMAND_POLICY.DecidePenalty, person(['officer']));
    expect(refusal.allowed).toBe(false);
    if (!refusal.allowed) {
      expect(refusal.message).toContain('局长');
      expect(refusal.message).toContain('第五十七条');
    }
  });
});

describe('permittedFor', () => {
  it('offers an officer the handling commands, and legal review only to the office', () => {
    const enforcement = permittedFor(['officer'], 'enforcement');
    expect(enforcement.penalty).toContain('RecordEvidence');
    expect(enforcement.penalty).not.toContain('CompleteLegalReview');
    expect(enforcement.penalty).not.toContain('DecidePenalty');
    expect(permittedFor(['officer'], 'office').penalty).toContain('CompleteLegalReview');
  });

  it('offers an administrator accounts but no case command', () => {
    const admin = permittedFor(['administrator'], 'office');
    expect(admin.penalty).toEqual([]);
    expect(admin.escalation).toEqual([]);
    expect(admin.actions).toContain('users.manage');
  });
});
