import type { IsoDate } from '../shared/iso-date';
import { endOfPeriod, type PeriodEnd } from '../shared/legal-calendar';
import type { PenaltyRuleSet } from '../policy/penalty-rule-set';
import type { DecideContext } from './decide-context';
import { deadlineAt } from './deadline-factory';
import type { DeadlineRecord } from './deadline-record';

/*
 * Deadlines that run from an act recorded on the case but are not a plain period from one date (so they carry no
 * `basis`): the deciders set them with these, and a newly loaded calendar computes them again with the same functions
 * from the same recorded acts.
 */

/**
 * 立案期限 extended once by the bureau head (《市场监督管理行政处罚程序规定》第十八条): fifteen more working days from the
 * end of the first period.
 */
export function extendedFilingDeadline(ctx: DecideContext, rules: PenaltyRuleSet, firstPeriod: PeriodEnd): DeadlineRecord {
  const due = endOfPeriod(ctx.calendar, firstPeriod.date, rules.filingExtension.value);
  return deadlineAt(
    ctx,
    'filing_decision',
    { date: due.date, provisional: due.provisional || firstPeriod.provisional },
    `${rules.filingDecision.source}；${rules.filingExtension.source}`,
  );
}

/** 催告: the court may be applied to only once ten working days from service have run (行政强制法 第五十四条、第六十九条). */
export function demandWaitDeadline(ctx: DecideContext, rules: PenaltyRuleSet, servedOn: IsoDate): DeadlineRecord {
  return deadlineAt(ctx, 'demand_wait', endOfPeriod(ctx.calendar, servedOn, rules.demandNoticeWait.value), rules.demandNoticeWait.source);
}

/** The court accepts within five working days and rules within seven more (行政强制法 第五十六条、第五十七条). */
export function courtRulingDeadline(ctx: DecideContext, rules: PenaltyRuleSet, filedOn: IsoDate): DeadlineRecord {
  const accepted = endOfPeriod(ctx.calendar, filedOn, rules.courtAcceptance.value);
  const ruling = endOfPeriod(ctx.calendar, accepted.date, rules.courtRuling.value);
  return deadlineAt(
    ctx,
    'court_ruling',
    { date: ruling.date, provisional: accepted.provisional || ruling.provisional },
    `${rules.courtAcceptance.source}；${rules.courtRuling.source}`,
  );
}
