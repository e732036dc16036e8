import { domainError, type DomainError } from '../shared/domain-error';
import type { IsoDate } from '../shared/iso-date';
import { endOfPeriod } from '../shared/legal-calendar';
import { penaltyRulesOn } from '../policy/penalty-rule-set';
import type { DecideContext } from './decide-context';

export interface ViolationFacts {
  violationDate: IsoDate;
  violationEndedOn?: IsoDate | undefined;
  endangersLifeHealthOrFinance?: boolean | undefined;
}

export interface LimitationApplied {
  runsFrom: IsoDate;
  endsOn: IsoDate;
  discoveredOn: IsoDate;
  source: string;
}

/**
 * 追究时效 (行政处罚法 第三十六条; 1996年 第二十九条): no penalty for a violation not discovered within two years (five
 * where life, health or financial safety is involved with harmful consequences), counted from the violation or, for a
 * continuing one, from its end. The period in force on the day of discovery applies.
 */
export function checkLimitation(ctx: DecideContext, facts: ViolationFacts, discoveredOn: IsoDate): LimitationApplied | DomainError {
  const ended = facts.violationEndedOn;
  if (ended !== undefined && ended < facts.violationDate) {
    return domainError(
      'VIOLATION_END_BEFORE_START',
      `违法行为终了日期 ${ended} 早于发生日期 ${facts.violationDate} / the violation ends before it began`,
    );
  }
  const runsFrom = ended ?? facts.violationDate;
  if (runsFrom > discoveredOn) {
    return domainError(
      'VIOLATION_AFTER_DISCOVERY',
      `违法行为日期 ${runsFrom} 晚于发现日期 ${discoveredOn} / the violation is dated after its discovery`,
    );
  }
  const rule = penaltyRulesOn(discoveredOn).limitationPeriod;
  const period = facts.endangersLifeHealthOrFinance === true ? rule.value.serious : rule.value.general;
  const endsOn = endOfPeriod(ctx.calendar, runsFrom, period).date;
  if (discoveredOn > endsOn) {
    return domainError(
      'TIME_BARRED',
      `违法行为自 ${runsFrom} 起至发现之日 ${discoveredOn} 已超过追究时效（至 ${endsOn}），不再给予行政处罚（${rule.source}）/ the violation is time-barred`,
      { runsFrom, endsOn, discoveredOn, source: rule.source },
    );
  }
  return { runsFrom, endsOn, discoveredOn, source: rule.source };
}
