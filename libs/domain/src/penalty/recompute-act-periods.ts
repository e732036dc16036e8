import type { IsoDate } from '../shared/iso-date';
import { endOfPeriod } from '../shared/legal-calendar';
import { penaltyRulesOn } from '../policy/penalty-rule-set';
import { courtRulingDeadline, demandWaitDeadline, extendedFilingDeadline } from './act-periods';
import type { DecideContext } from './decide-context';
import { sameDeadline } from './deadline-factory';
import type { DeadlineRecord } from './deadline-record';
import type { PenaltyState } from './state';

/** The plain dates that gate a party's or the bureau's next act, as a recomputation records them. */
export interface RecomputedActPeriods {
  defenceEndsOn?: IsoDate;
  hearingRequestEndsOn?: IsoDate;
  demandWaitEndsOn?: IsoDate;
  deadlines: DeadlineRecord[];
}

/** The case waits for the party after the notice of proposed penalty (also while a transfer it may return from runs). */
function partyWindowsRun(state: PenaltyState): boolean {
  return state.stage === 'notified' || (state.stage === 'transferred' && state.transfer?.resumeStage === 'notified');
}

function changed(recorded: DeadlineRecord | undefined, fresh: DeadlineRecord): DeadlineRecord[] {
  return recorded && !sameDeadline(recorded, fresh) ? [fresh] : [];
}

/**
 * Periods that run from an act recorded on the case, computed again on a newly loaded calendar from that act:
 * - the party's windows after the notice of proposed penalty, which gate the decision and the hearing request
 *   (陈述、申辩 《行政处罚法》第四十五条; 听证 第六十四条: five working days, 第八十五条) — their deadlines record a basis and
 *   move with the others; here the dates the gates read;
 * - the 催告 wait, which gates the court application (行政强制法 第五十四条), and its deadline;
 * - the court's acceptance and ruling (行政强制法 第五十六条、第五十七条);
 * - the filing period once extended (《市场监督管理行政处罚程序规定》第十八条).
 */
/** Each period by the rule in force on the act it runs from. */
export function recomputedActPeriods(state: PenaltyState, ctx: DecideContext): RecomputedActPeriods {
  const out: RecomputedActPeriods = { deadlines: [] };
  const notice = state.notice;
  if (notice && partyWindowsRun(state)) {
    const rules = penaltyRulesOn(notice.servedOn);
    const defence = endOfPeriod(ctx.calendar, notice.servedOn, rules.defenceWindow.value).date;
    if (defence !== notice.defenceEndsOn) out.defenceEndsOn = defence;
    if (notice.hearingRequestEndsOn) {
      const hearing = endOfPeriod(ctx.calendar, notice.servedOn, rules.hearingRequestWindow.value).date;
      if (hearing !== notice.hearingRequestEndsOn) out.hearingRequestEndsOn = hearing;
    }
  }
  const enforcement = state.enforcement;
  if (state.stage === 'enforcement' && enforcement?.demandServedOn && enforcement.demandWaitEndsOn) {
    const wait = demandWaitDeadline(ctx, penaltyRulesOn(enforcement.demandServedOn), enforcement.demandServedOn);
    if (wait.due !== enforcement.demandWaitEndsOn) out.demandWaitEndsOn = wait.due;
    out.deadlines.push(...changed(state.deadlines['demand_wait'], wait));
  }
  if (state.stage === 'court' && enforcement?.courtFiledOn) {
    out.deadlines.push(
      ...changed(
        state.deadlines['court_ruling'],
        courtRulingDeadline(ctx, penaltyRulesOn(enforcement.courtFiledOn), enforcement.courtFiledOn),
      ),
    );
  }
  if (state.stage === 'lead' && state.filingExtended && state.openedOn) {
    const rules = penaltyRulesOn(state.openedOn);
    const first = endOfPeriod(ctx.calendar, state.openedOn, rules.filingDecision.value);
    out.deadlines.push(...changed(state.deadlines['filing_decision'], extendedFilingDeadline(ctx, rules, first)));
  }
  return out;
}
