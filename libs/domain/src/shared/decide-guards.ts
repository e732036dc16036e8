import { ROLE_NAMES, type Actor, type Role } from './actor';
import type { LegalCalendar } from './legal-calendar';
import { shanghaiDate, type IsoDate } from './iso-date';
import { domainError, type DomainError } from './domain-error';

/** Everything a decision may depend on besides the state: who, when (workflow time), and the calendar. */
export interface DecideContext {
  now: number;
  actor: Actor;
  calendar: LegalCalendar;
  /** the case decided on, when the decision needs it (naming a child process after the case) */
  caseId?: string;
  /**
   * Rules that changed while cases were running: set by the runner when it replays history recorded before the
   * change (Temporal `patched()`), so old decisions replay as they were taken.
   */
  compat?: {
    /** evidence recorded before certificates were checked: two distinct officer ids were enough */
    evidenceWithoutCertificates?: boolean;
    /** a case filed before the 办案人员 were designated at filing: the head's decision alone was enough */
    filingWithoutHandlers?: boolean;
    /**
     * a calendar taken before every calendar-derived date was recomputed: only provisional deadlines with a recorded
     * basis moved (not the appeal-periods end, enforcement opening, court window or late-fee start)
     */
    recomputeDeadlinesOnly?: boolean;
    /**
     * a penalty case deciding before the legal corrections of issue 10: a payment stops its own day's late fee, a
     * deferral or instalments approved after the due date drop the fee accrued so far, no limitation-period check
     */
    beforeLegalCorrections?: boolean;
  };
}

export function todayOf(ctx: DecideContext): IsoDate {
  return shanghaiDate(ctx.now);
}

/** Acts happen on paper first: a recorded act may be in the past, never in the future or before the previous step. */
export function checkActDate(state: { lastActDate: IsoDate | null }, ctx: DecideContext, on: IsoDate, what: string): DomainError | null {
  const today = todayOf(ctx);
  if (on > today) {
    return domainError('ACT_DATE_IN_FUTURE', `${what}日期 ${on} 晚于今天 ${today} / ${what} date is in the future`, { on, today });
  }
  if (state.lastActDate && on < state.lastActDate) {
    return domainError(
      'ACT_DATE_BEFORE_PREVIOUS_STEP',
      `${what}日期 ${on} 早于上一步骤日期 ${state.lastActDate} / ${what} date is before the previous step`,
      { on, previous: state.lastActDate },
    );
  }
  return null;
}

export function checkRole(ctx: DecideContext, roles: readonly Role[], command: string, legalBasis: string): DomainError | null {
  if (roles.includes(ctx.actor.role)) return null;
  return domainError(
    'ROLE_NOT_ENTITLED',
    `${command} 须由${roles.map((r) => ROLE_NAMES[r]).join('或')}作出（${legalBasis}）/ ${command} must be taken by ${roles.join(' or ')}`,
    { actorRole: ctx.actor.role, required: roles },
  );
}

export function firstError(...checks: (DomainError | null)[]): DomainError | null {
  for (const c of checks) if (c) return c;
  return null;
}

/** What a process calls the record it opens, in its refusals (案件 / case, 上报 / escalation). */
export interface CaseNoun {
  zh: string;
  en: string;
  /** how it is closed: 结案, 办结 */
  closedZh: string;
}

/** An opening command for a record that is already open. */
export function checkNotYetOpen(opened: boolean, noun: CaseNoun): DomainError | null {
  return opened ? domainError('CASE_ALREADY_OPEN', `${noun.zh}已存在 / the ${noun.en} is already open`) : null;
}

/** A running command for a record never opened. */
export function caseNotFound(noun: CaseNoun): DomainError {
  return domainError('CASE_NOT_FOUND', `${noun.zh}不存在 / no such ${noun.en}`);
}

/** A command for a closed record, saying when and how it was closed. */
export function caseClosed(noun: CaseNoun, closure: { closedOn: IsoDate; outcome: string } | null): DomainError {
  return domainError(
    'CASE_CLOSED',
    `${noun.zh}已于 ${closure?.closedOn ?? ''} ${noun.closedZh}（${closure?.outcome ?? ''}）/ the ${noun.en} is closed`,
  );
}

/** The runner's own commands (the clock, a newly loaded calendar) are the system identity's alone. */
export function checkSystemCommand(ctx: DecideContext, command: 'Tick' | 'RecomputeDeadlines'): DomainError | null {
  return command === 'Tick'
    ? checkRole(ctx, ['system'], command, '计时器 / timers')
    : checkRole(ctx, ['system'], command, '工作日历更新 / calendar update');
}
