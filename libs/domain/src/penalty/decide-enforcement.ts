import type { z } from 'zod';
import { domainError, type DomainError } from '../shared/domain-error';
import { addDays, type IsoDate } from '../shared/iso-date';
import { endOfPeriod, type LegalCalendar } from '../shared/legal-calendar';
import type { PenaltyRuleSet } from '../policy/penalty-rule-set';
import type { applyToCourt, recordCourtRuling, serveDemandNotice } from './commands';
import { checkActDate, checkStage, firstError, rulesOf, todayOf, type DecideContext } from './decide-context';
import { amountDueOf } from './amount-due-of';
import { deadlineAt } from './deadline-factory';
import { courtRulingDeadline, demandWaitDeadline } from './act-periods';
import type { PenaltyEvent } from './events';
import type { PenaltyState } from './state';

/** The latest day a 催告 can be served so that its wait ends before the court window closes. */
export function latestDemandNoticeDate(calendar: LegalCalendar, rules: PenaltyRuleSet, windowEndsOn: IsoDate): IsoDate {
  let day = addDays(windowEndsOn, -1);
  while (endOfPeriod(calendar, day, rules.demandNoticeWait.value).date >= windowEndsOn) day = addDays(day, -1);
  return day;
}

/** Opened by the clock once the appeal periods have lapsed and the fine is still unpaid. */
export function enforcementOpenedEvent(state: PenaltyState, ctx: DecideContext): PenaltyEvent | null {
  const today = todayOf(ctx);
  const rules = rulesOf(state, today);
  if (state.stage !== 'payment' || !state.enforcementFrom || !state.courtWindowEndsOn || today < state.enforcementFrom) return null;
  const due = amountDueOf(state, today, ctx.compat);
  if (due.totalDueFen <= 0) return null;
  const windowEnd = state.courtWindowEndsOn;
  const demandBy = latestDemandNoticeDate(ctx.calendar, rules, windowEnd);
  return {
    type: 'EnforcementOpened',
    payload: {
      on: today,
      amountDueFen: due.totalDueFen,
      deadlines: {
        set: [
          deadlineAt(
            ctx,
            'demand_notice',
            { date: demandBy, provisional: !ctx.calendar.isCertain(windowEnd) },
            `${rules.demandNoticeWait.source}；${rules.courtApplicationWindow.source}`,
          ),
          deadlineAt(
            ctx,
            'court_application',
            { date: windowEnd, provisional: !ctx.calendar.isCertain(windowEnd) },
            rules.courtApplicationWindow.source,
          ),
        ],
        clear: ['payment', 'appeal_periods'],
      },
    },
  };
}

export function decideServeDemandNotice(
  state: PenaltyState,
  cmd: z.infer<typeof serveDemandNotice>,
  ctx: DecideContext,
): PenaltyEvent[] | DomainError {
  const rules = rulesOf(state, cmd.servedOn);
  const invalid = firstError(
    checkStage(state, ['enforcement'], cmd.type),
    checkActDate(state, ctx, cmd.servedOn, '送达催告书'),
    state.enforcement?.demandServedOn ? domainError('DEMAND_ALREADY_SERVED', '催告书已送达 / the demand notice was already served') : null,
    state.enforcement && cmd.servedOn < state.enforcement.openedOn
      ? domainError(
          'DEMAND_BEFORE_ENFORCEMENT',
          `复议、诉讼期限于 ${state.enforcement.openedOn} 前尚未届满 / the appeal periods had not lapsed`,
        )
      : null,
  );
  if (invalid) return invalid;
  const wait = demandWaitDeadline(ctx, rules, cmd.servedOn);
  const due = amountDueOf(state, cmd.servedOn, ctx.compat);
  return [
    {
      type: 'DemandNoticeServed',
      payload: {
        servedOn: cmd.servedOn,
        waitEndsOn: wait.due,
        amountDueFen: due.totalDueFen,
        deadlines: { set: [wait], clear: ['demand_notice'] },
      },
    },
  ];
}

export function decideApplyToCourt(
  state: PenaltyState,
  cmd: z.infer<typeof applyToCourt>,
  ctx: DecideContext,
): PenaltyEvent[] | DomainError {
  const rules = rulesOf(state, cmd.filedOn);
  const enforcement = state.enforcement;
  const invalid = firstError(checkStage(state, ['enforcement'], cmd.type), checkActDate(state, ctx, cmd.filedOn, '申请强制执行'));
  if (invalid) return invalid;
  if (!enforcement?.demandServedOn || !enforcement.demandWaitEndsOn) {
    return domainError(
      'DEMAND_NOTICE_REQUIRED',
      `申请法院强制执行前应当催告（${rules.demandNoticeWait.source}）/ a demand notice must be served first`,
    );
  }
  if (cmd.filedOn <= enforcement.demandWaitEndsOn) {
    return domainError(
      'DEMAND_WAIT_NOT_OVER',
      `催告期至 ${enforcement.demandWaitEndsOn} 届满，届满后方可申请（${rules.demandNoticeWait.source}）/ the demand notice period is not over`,
      {
        demandWaitEndsOn: enforcement.demandWaitEndsOn,
      },
    );
  }
  if (state.courtWindowEndsOn && cmd.filedOn > state.courtWindowEndsOn) {
    return domainError(
      'COURT_WINDOW_CLOSED',
      `申请期限已于 ${state.courtWindowEndsOn} 届满（${rules.courtApplicationWindow.source}）/ the window to apply to the court has closed`,
    );
  }
  const due = amountDueOf(state, cmd.filedOn, ctx.compat);
  return [
    {
      type: 'CourtApplicationFiled',
      payload: {
        filedOn: cmd.filedOn,
        court: cmd.court,
        amountDueFen: due.totalDueFen,
        deadlines: {
          set: [courtRulingDeadline(ctx, rules, cmd.filedOn)],
          clear: ['court_application', 'demand_wait', 'demand_notice'],
        },
      },
    },
  ];
}

export function decideRecordCourtRuling(
  state: PenaltyState,
  cmd: z.infer<typeof recordCourtRuling>,
  ctx: DecideContext,
): PenaltyEvent[] | DomainError {
  const invalid = firstError(checkStage(state, ['court'], cmd.type), checkActDate(state, ctx, cmd.ruledOn, '法院裁定'));
  if (invalid) return invalid;
  return [
    { type: 'CourtRuled', payload: { ruledOn: cmd.ruledOn, ruling: cmd.ruling, reference: cmd.reference } },
    {
      type: 'CaseClosed',
      payload: {
        closedOn: cmd.ruledOn,
        outcome: cmd.ruling === 'enforce' ? 'court_ordered_enforcement' : 'court_refused_enforcement',
        overpaidFen: 0,
        deadlines: { set: [], clear: Object.keys(state.deadlines) },
      },
    },
  ];
}
