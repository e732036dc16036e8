import { domainError, type DomainError } from '../shared/domain-error';
import { penaltyRulesOn, type PenaltyRuleSet } from '../policy/penalty-rule-set';
import type { IsoDate } from '../shared/iso-date';
import type { CaseNoun } from '../shared/decide-guards';
import type { PenaltyStage, PenaltyState } from './state';

// the guards every process shares; penalty modules import them from here
export {
  caseClosed,
  caseNotFound,
  checkActDate,
  checkNotYetOpen,
  checkRole,
  checkSystemCommand,
  firstError,
  todayOf,
  type DecideContext,
} from '../shared/decide-guards';

/** A penalty case in the refusals the processes share. */
export const PENALTY_CASE: CaseNoun = { zh: '案件', en: 'case', closedZh: '结案' };

export function checkStage(state: PenaltyState, allowed: readonly PenaltyStage[], command: string): DomainError | null {
  if (allowed.includes(state.stage)) return null;
  return domainError(
    'WRONG_STAGE',
    `案件处于「${state.stage}」阶段，不能执行 ${command}（允许阶段：${allowed.join('、')}）/ ${command} is not allowed in stage ${state.stage}`,
    { stage: state.stage, allowed },
  );
}

/** The rules as of the date an act concerns (each rule resolved by its own date, 程序从新). */
export function rulesOf(state: PenaltyState, on: IsoDate): PenaltyRuleSet {
  if (!state.rules) throw new Error('penalty case has no rule set: it was never opened');
  return penaltyRulesOn(on);
}
