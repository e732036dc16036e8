import type { PersonRole } from './principal';
import type { Section } from '../shared/actor';
import type { PenaltyCaseCommand, PenaltyOpeningCommand } from '../penalty/commands';
import type { EscalationCaseCommand, EscalationOpeningCommand } from '../escalation/commands';

/**
 * On which cases a grant holds: the person's own section (or a case assigned to them), any section of the
 * bureau, or only when the person belongs to one designated section (e.g. 法制审核 by the office).
 */
export type CaseScope = 'own_section' | 'any_section' | { readonly onlySection: Section };

export interface Grant {
  readonly role: PersonRole;
  readonly scope: CaseScope;
}

export interface Rule {
  readonly grants: readonly Grant[];
  /** why: the law that reserves the act, or the bureau's own allocation of work */
  readonly basis: string;
}

const own = (role: PersonRole): Grant => ({ role, scope: 'own_section' });
const any = (role: PersonRole): Grant => ({ role, scope: 'any_section' });

const HANDLERS = [own('officer'), own('section_chief')] as const;
const HEAD = [any('bureau_head')] as const;
const CHIEF_OR_HEAD = [own('section_chief'), any('bureau_head')] as const;

const HANDLED = '承办科室办理（《市场监督管理行政处罚程序规定》）/ handled by the owning section';
const HEAD_DECIDES = '法律规定由行政机关负责人决定 / the law gives this to the head of the bureau';

/** 行政处罚案件: who may send each command. The deciders check the law's reserved decisions again. */
export const PENALTY_COMMAND_POLICY = {
  OpenSummaryCase: { grants: [own('officer')], basis: '《行政处罚法》第五十一条、第五十二条：执法人员当场作出处罚决定' },
  RegisterLead: { grants: HANDLERS, basis: HANDLED },
  ExtendFilingPeriod: { grants: HEAD, basis: `${HEAD_DECIDES}（延长立案期限）` },
  DecideFiling: { grants: HEAD, basis: `${HEAD_DECIDES}（立案审批）` },
  RecordEvidence: { grants: HANDLERS, basis: '《行政处罚法》第四十二条、第五十五条：调查取证由执法人员进行' },
  ConcludeInvestigation: { grants: HANDLERS, basis: HANDLED },
  RequestLegalReview: { grants: HANDLERS, basis: HANDLED },
  CompleteLegalReview: {
    grants: [
      { role: 'officer', scope: { onlySection: 'office' } },
      { role: 'section_chief', scope: { onlySection: 'office' } },
    ],
    basis: '《行政处罚法》第五十八条：法制审核由本局法制审核人员（办公室）进行 / legal review by the office',
  },
  ServePenaltyNotice: { grants: HANDLERS, basis: HANDLED },
  RecordDefence: { grants: HANDLERS, basis: HANDLED },
  RequestHearing: { grants: HANDLERS, basis: HANDLED },
  HoldHearing: {
    grants: [any('section_chief'), any('bureau_head')],
    basis: '《行政处罚法》第六十四条：听证由行政机关指定的非本案调查人员主持',
  },
  PauseDecisionClock: { grants: CHIEF_OR_HEAD, basis: '办案期限中止须经批准 / pausing the time limit is approved by the chief or head' },
  ResumeDecisionClock: { grants: CHIEF_OR_HEAD, basis: '办案期限中止须经批准 / pausing the time limit is approved by the chief or head' },
  ExtendDecisionPeriod: { grants: HEAD, basis: `${HEAD_DECIDES}（延长办案期限）` },
  RecordCommitteeDecision: {
    grants: [any('case_review_committee')],
    basis: '《行政处罚法》第五十七条第二款：行政机关负责人集体讨论决定',
  },
  DecidePenalty: { grants: HEAD, basis: `${HEAD_DECIDES}（《行政处罚法》第五十七条）` },
  ServeDecision: { grants: HANDLERS, basis: HANDLED },
  RecordPayment: { grants: HANDLERS, basis: HANDLED },
  ApproveDeferral: { grants: HEAD, basis: `${HEAD_DECIDES}（《行政处罚法》第六十六条）` },
  ApproveInstalments: { grants: HEAD, basis: `${HEAD_DECIDES}（《行政处罚法》第六十六条）` },
  ServeDemandNotice: { grants: HANDLERS, basis: HANDLED },
  ApplyToCourt: { grants: CHIEF_OR_HEAD, basis: '以本局名义申请人民法院强制执行 / applied for in the bureau name' },
  RecordCourtRuling: { grants: HANDLERS, basis: HANDLED },
  TransferToPolice: { grants: HEAD, basis: `${HEAD_DECIDES}（《行政执法机关移送涉嫌犯罪案件的规定》第五条）` },
} as const satisfies Record<PenaltyOpeningCommand['type'] | PenaltyCaseCommand['type'], Rule>;

/** 上报/移送. */
export const ESCALATION_COMMAND_POLICY = {
  OpenEscalation: { grants: [own('officer'), own('section_chief'), any('bureau_head')], basis: '承办科室拟稿 / drafted by the section' },
  SubmitEscalation: { grants: HEAD, basis: '对外行文由局长签发 / outbound documents are signed by the head' },
  RecordAcknowledgement: {
    grants: [...HANDLERS, { role: 'officer', scope: { onlySection: 'office' } }, any('bureau_head')],
    basis: '登记来文 / recording a response',
  },
  RecordForwarding: {
    grants: [...HANDLERS, { role: 'officer', scope: { onlySection: 'office' } }, any('bureau_head')],
    basis: '登记来文 / recording a response',
  },
  RecordDecision: {
    grants: [...HANDLERS, { role: 'officer', scope: { onlySection: 'office' } }, any('bureau_head')],
    basis: '登记来文 / recording a response',
  },
  WithdrawEscalation: { grants: HEAD, basis: '撤回由局长决定 / withdrawal is the head’s decision' },
  ResubmitEscalation: { grants: HEAD, basis: '对外行文由局长签发 / outbound documents are signed by the head' },
} as const satisfies Record<EscalationOpeningCommand['type'] | EscalationCaseCommand['type'], Rule>;

const EVERY_PERSON = (['officer', 'section_chief', 'bureau_head', 'case_review_committee', 'auditor', 'administrator'] as const).map(any);

/** Everything else the API offers. */
export const ACTION_POLICY = {
  /** 案件、通知、日历的查阅: the bureau's staff see the bureau's work */
  /** 本人会话：signing out, reading one's own account */
  'account.self': { grants: EVERY_PERSON, basis: '本人 / oneself' },
  'cases.read': { grants: EVERY_PERSON, basis: '局内查阅 / reading within the bureau' },
  'escalations.route': { grants: EVERY_PERSON, basis: '职责边界查询 / the boundary table is public within the bureau' },
  'audit.read': { grants: [any('auditor'), any('bureau_head')], basis: '审计查阅 / audit is read by auditors and the head' },
  'users.manage': { grants: [any('administrator')], basis: '账户管理 / accounts are managed by administrators' },
  'calendar.manage': { grants: [any('administrator')], basis: '节假日安排由管理员录入 / holiday notices are loaded by administrators' },
  /** 跨科室指派: a chief lends a case of their section to someone of another section, or the head does */
  'assignments.manage': { grants: CHIEF_OR_HEAD, basis: '跨科室办案须经指派 / cross-section work needs an assignment' },
} as const satisfies Record<string, Rule>;

export type PenaltyCommandName = keyof typeof PENALTY_COMMAND_POLICY;
export type EscalationCommandName = keyof typeof ESCALATION_COMMAND_POLICY;
export type ActionName = keyof typeof ACTION_POLICY;

export const COMMAND_POLICIES = { penalty: PENALTY_COMMAND_POLICY, escalation: ESCALATION_COMMAND_POLICY } as const;
export type ProcessKind = keyof typeof COMMAND_POLICIES;

export function commandRule(process: ProcessKind, commandType: string): Rule | undefined {
  const table: Record<string, Rule> = COMMAND_POLICIES[process];
  return Object.hasOwn(table, commandType) ? table[commandType] : undefined;
}

/**
 * What a person's roles allow on some case (the case's own section aside: assignments can open any): for offering
 * only the commands worth offering. The guard still decides each request.
 */
export function permittedFor(
  roles: readonly PersonRole[],
  section: Section | null,
): { penalty: string[]; escalation: string[]; actions: string[] } {
  const usable = (g: Grant) => roles.includes(g.role) && (typeof g.scope === 'string' || g.scope.onlySection === section);
  const allowed = (table: Record<string, Rule>) =>
    Object.entries(table)
      .filter(([, rule]) => rule.grants.some(usable))
      .map(([name]) => name);
  return { penalty: allowed(PENALTY_COMMAND_POLICY), escalation: allowed(ESCALATION_COMMAND_POLICY), actions: allowed(ACTION_POLICY) };
}
