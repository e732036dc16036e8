import { personRoleSchema, type PersonRole } from './principal';
import type { Section } from '../shared/actor';
import { any, CHIEF_OR_HEAD, type Grant, type Rule } from './grants';
import { PROCESSES, processOf } from '../kernel/registry';

export type { CaseScope, Grant, Rule } from './grants';

const EVERY_PERSON = personRoleSchema.options.map(any);

/** Everything else the API offers. */
export const ACTION_POLICY = {
  /** 本人会话：signing out, reading one's own account, the processes' names (GET /api/processes) */
  'account.self': { grants: EVERY_PERSON, basis: '本人 / oneself' },
  /** 案件、通知、日历的查阅: the bureau's staff see the bureau's work */
  'cases.read': { grants: EVERY_PERSON, basis: '局内查阅 / reading within the bureau' },
  'escalations.route': { grants: EVERY_PERSON, basis: '职责边界查询 / the boundary table is public within the bureau' },
  /** 受损案件: events the projector could not apply; the administrator repairs, auditors and the head are told */
  'cases.damaged': {
    grants: [any('administrator'), any('auditor'), any('bureau_head')],
    basis: '查询库受损由管理员处理 / the administrator repairs the read model',
  },
  /** 通知推送: notices delivered to the configured webhooks, and the failures; watched like the read model's health */
  'notices.deliveries': {
    grants: [any('administrator'), any('auditor'), any('bureau_head')],
    basis: '通知推送状态由管理员处理 / the administrator looks after delivery',
  },
  'audit.read': { grants: [any('auditor'), any('bureau_head')], basis: '审计查阅 / audit is read by auditors and the head' },
  'users.manage': { grants: [any('administrator')], basis: '账户管理 / accounts are managed by administrators' },
  'calendar.manage': { grants: [any('administrator')], basis: '节假日安排由管理员录入 / holiday notices are loaded by administrators' },
  /** 跨科室指派: a chief lends a case of their section to someone of another section, or the head does */
  'assignments.manage': { grants: CHIEF_OR_HEAD, basis: '跨科室办案须经指派 / cross-section work needs an assignment' },
} as const satisfies Record<string, Rule>;

export type ActionName = keyof typeof ACTION_POLICY;
/** A process by its case type (`penalty`, `escalation`, …): every process of the registry. */
export type ProcessKind = string;

/** The policy rows of a registered process (its `commands.policy`), or undefined for a case type not registered. */
function policyOf(caseType: ProcessKind): Record<string, Rule> | undefined {
  return processOf(caseType)?.commands.policy as Record<string, Rule> | undefined;
}

/** The policy row of a command of a registered process, or undefined (unknown process or command). */
export function commandRule(caseType: ProcessKind, commandType: string): Rule | undefined {
  const table = policyOf(caseType);
  return table && Object.hasOwn(table, commandType) ? table[commandType] : undefined;
}

/** Every command type of a process that has a policy row. */
export function commandsOf(caseType: ProcessKind): string[] {
  return Object.keys(policyOf(caseType) ?? {});
}

/**
 * What a person's roles allow on some case (the case's own section aside: assignments can open any): for offering
 * only the commands worth offering. The guard still decides each request. One list per registered process, keyed
 * by its case type, and the other actions.
 */
export function permittedFor(roles: readonly PersonRole[], section: Section | null): Record<string, string[]> & { actions: string[] } {
  const usable = (g: Grant) => roles.includes(g.role) && (typeof g.scope === 'string' || g.scope.onlySection === section);
  const allowed = (table: Record<string, Rule>) =>
    Object.entries(table)
      .filter(([, rule]) => rule.grants.some(usable))
      .map(([name]) => name);
  const byProcess = Object.fromEntries(PROCESSES.map((p) => [p.caseType, allowed(policyOf(p.caseType) ?? {})]));
  return { ...byProcess, actions: allowed(ACTION_POLICY) };
}
