import type { z } from 'zod';
import { domainError, isDomainError, type DomainError } from '../shared/domain-error';
import { daysBetween } from '../shared/iso-date';
import { fenToYuanString } from '../shared/money';
import { applicableProvision, penaltyProvisions } from '../policy/penalty-provisions';
import { checkFine } from '../policy/discretion';
import type {
  decidePenalty,
  extendDecisionPeriod,
  pauseDecisionClock,
  recordCommitteeDecision,
  resumeDecisionClock,
  serveDecision,
} from './commands';
import { checkActDate, checkRole, checkStage, firstError, rulesOf, type DecideContext } from './decide-context';
import { decisionDeadline } from './decide-filing';
import { deadlineAfter } from './deadline-factory';
import { decisionServedEvents } from './decide-service';
import { checkLimitation } from './limitation';
import type { PenaltyEvent } from './events';
import type { PenaltyStage, PenaltyState } from './state';

const FILED_UNDECIDED: PenaltyStage[] = ['investigation', 'legal_review', 'review_approved', 'notified', 'committee_decided'];
const ALL_OPEN_DEADLINES = ['decision', 'defence_window', 'hearing_request', 'legal_review'];

export function decidePauseDecisionClock(
  state: PenaltyState,
  cmd: z.infer<typeof pauseDecisionClock>,
  ctx: DecideContext,
): PenaltyEvent[] | DomainError {
  const invalid = firstError(
    checkStage(state, FILED_UNDECIDED, cmd.type),
    checkActDate(state, ctx, cmd.from, '中止计算'),
    state.pausedFrom
      ? domainError('CLOCK_ALREADY_PAUSED', `办案期限已自 ${state.pausedFrom} 中止 / the decision clock is already paused`)
      : null,
  );
  if (invalid) return invalid;
  return [{ type: 'DecisionClockPaused', payload: { reason: cmd.reason, from: cmd.from, deadlines: { set: [], clear: ['decision'] } } }];
}

export function decideResumeDecisionClock(
  state: PenaltyState,
  cmd: z.infer<typeof resumeDecisionClock>,
  ctx: DecideContext,
): PenaltyEvent[] | DomainError {
  const rules = rulesOf(state, cmd.on);
  const invalid = firstError(
    checkStage(state, FILED_UNDECIDED, cmd.type),
    checkActDate(state, ctx, cmd.on, '恢复计算'),
    state.pausedFrom ? null : domainError('CLOCK_NOT_PAUSED', '办案期限未中止 / the decision clock is not paused'),
    state.hearing && !state.hearing.heldOn
      ? domainError('HEARING_PENDING', '听证尚未举行，期限随听证举行恢复 / the clock resumes when the hearing is held')
      : null,
  );
  if (invalid || !state.pausedFrom || !state.filedOn)
    return invalid ?? domainError('CLOCK_NOT_PAUSED', '办案期限未中止 / the decision clock is not paused');
  const pausedDays = daysBetween(state.pausedFrom, cmd.on);
  const decision = decisionDeadline(ctx, rules, state.filedOn, state.pausedDays + pausedDays + state.extensionDays);
  return [{ type: 'DecisionClockResumed', payload: { on: cmd.on, pausedDays, deadlines: { set: [decision], clear: [] } } }];
}

export function decideExtendDecisionPeriod(
  state: PenaltyState,
  cmd: z.infer<typeof extendDecisionPeriod>,
  ctx: DecideContext,
): PenaltyEvent[] | DomainError {
  const rules = rulesOf(state, cmd.approvedOn);
  const max = rules.decisionExtensionMax.value.count;
  const invalid = firstError(
    checkStage(state, FILED_UNDECIDED, cmd.type),
    checkRole(ctx, ['bureau_head'], '延长办案期限', rules.decisionExtensionMax.source),
    checkActDate(state, ctx, cmd.approvedOn, '批准延期'),
    state.extensionDays + cmd.days > max
      ? domainError(
          'EXTENSION_ABOVE_LIMIT',
          `负责人批准延长累计不得超过 ${max} 日，更长须集体讨论决定（${rules.decisionExtensionMax.source}）/ extension above what the bureau head alone may approve`,
          { alreadyExtendedDays: state.extensionDays, requestedDays: cmd.days, maxDays: max },
        )
      : null,
    state.pausedFrom ? domainError('CLOCK_PAUSED', '办案期限中止期间不能延期 / the clock is paused') : null,
  );
  if (invalid || !state.filedOn) return invalid ?? domainError('NOT_FILED', '尚未立案 / not filed');
  const extensionDays = state.extensionDays + cmd.days;
  const decision = decisionDeadline(ctx, rules, state.filedOn, state.pausedDays + extensionDays);
  return [
    {
      type: 'DecisionPeriodExtended',
      payload: { approvedOn: cmd.approvedOn, days: cmd.days, reason: cmd.reason, deadlines: { set: [decision], clear: [] } },
    },
  ];
}

/** 案审会 deliberates once the party's defence and hearing windows are over (or waived) and any hearing is held. */
export function decideRecordCommitteeDecision(
  state: PenaltyState,
  cmd: z.infer<typeof recordCommitteeDecision>,
  ctx: DecideContext,
): PenaltyEvent[] | DomainError {
  const rules = rulesOf(state, state.notice?.servedOn ?? cmd.decidedOn);
  const notice = state.notice;
  const invalid = firstError(
    checkStage(state, ['notified'], cmd.type),
    checkRole(
      ctx,
      ['case_review_committee'],
      '案审会集体讨论',
      '《行政处罚法》第五十七条第二款：情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定',
    ),
    checkActDate(state, ctx, cmd.decidedOn, '案审会审议'),
  );
  if (invalid || !notice) return invalid ?? domainError('NO_NOTICE', '尚未送达告知书 / no notice of proposed penalty was served');
  if (!state.rightsWaived) {
    if (cmd.decidedOn <= notice.defenceEndsOn) {
      return domainError(
        'DEFENCE_WINDOW_OPEN',
        `陈述、申辩期至 ${notice.defenceEndsOn} 届满（${rules.defenceWindow.source}）/ the defence window is still open`,
        {
          defenceEndsOn: notice.defenceEndsOn,
        },
      );
    }
    if (notice.hearingRequestEndsOn && !state.hearing && cmd.decidedOn <= notice.hearingRequestEndsOn) {
      return domainError(
        'HEARING_WINDOW_OPEN',
        `听证申请期至 ${notice.hearingRequestEndsOn} 届满 / the hearing request window is still open`,
      );
    }
  }
  if (state.hearing && !state.hearing.heldOn)
    return domainError('HEARING_PENDING', '当事人申请的听证尚未举行 / the requested hearing has not been held');
  return [{ type: 'CommitteeDecided', payload: { decidedOn: cmd.decidedOn, outcome: cmd.outcome, minutes: cmd.minutes } }];
}

export function decideDecidePenalty(
  state: PenaltyState,
  cmd: z.infer<typeof decidePenalty>,
  ctx: DecideContext,
): PenaltyEvent[] | DomainError {
  const rules = rulesOf(state, cmd.decidedOn);
  const invalid = firstError(
    checkStage(state, ['committee_decided'], cmd.type),
    checkRole(
      ctx,
      ['bureau_head'],
      '行政处罚决定',
      '《行政处罚法》第五十七条：调查终结，行政机关负责人应当对调查结果进行审查，根据不同情况分别作出决定',
    ),
    checkActDate(state, ctx, cmd.decidedOn, '处罚决定'),
    cmd.outcome.kind !== state.committeeOutcome
      ? domainError(
          'DIFFERS_FROM_COMMITTEE',
          `决定（${cmd.outcome.kind}）与案审会意见（${state.committeeOutcome ?? '无'}）不一致 / the decision differs from the committee's`,
        )
      : null,
  );
  if (invalid) return invalid;
  const clear = ALL_OPEN_DEADLINES;
  if (cmd.outcome.kind === 'no_penalty') {
    return [
      {
        type: 'NoPenaltyDecided',
        payload: { decidedOn: cmd.decidedOn, ground: cmd.outcome.ground, reason: cmd.outcome.reason, deadlines: { set: [], clear } },
      },
      { type: 'CaseClosed', payload: { closedOn: cmd.decidedOn, outcome: 'no_penalty', overpaidFen: 0 } },
    ];
  }
  const o = cmd.outcome;
  // discovered when the lead was registered (发现线索之日)
  const limitation = ctx.compat?.beforeLegalCorrections ? null : checkLimitation(ctx, o, state.openedOn ?? cmd.decidedOn);
  if (limitation && isDomainError(limitation)) return limitation;
  const applicable = applicableProvision(penaltyProvisions, o.provisionId, o.violationDate, cmd.decidedOn, o.goodsValueFen);
  if (isDomainError(applicable)) return applicable;
  const fineProblem = checkFine(o.fineFen, applicable.version.value, o.goodsValueFen, o.discretion);
  if (fineProblem) return fineProblem;
  const proposed = state.notice?.proposedFineFen ?? 0;
  if (o.fineFen > proposed) {
    return domainError(
      'HEAVIER_THAN_NOTIFIED',
      `罚款 ${fenToYuanString(o.fineFen)} 元重于告知书拟处罚款 ${fenToYuanString(proposed)} 元，须重新告知（《行政处罚法》第四十五条）/ heavier than the notified penalty`,
      { fineFen: o.fineFen, proposedFineFen: proposed },
    );
  }
  return [
    {
      type: 'PenaltyDecided',
      payload: {
        decidedOn: cmd.decidedOn,
        violationDate: o.violationDate,
        provisionId: o.provisionId,
        provisionVersion: { effectiveFrom: applicable.version.effectiveFrom, source: applicable.version.source },
        lawBasis: applicable.basis,
        fineFen: o.fineFen,
        goodsValueFen: o.goodsValueFen,
        discretion: o.discretion,
        measures: o.measures,
        deadlines: { set: [deadlineAfter(ctx, 'service', cmd.decidedOn, rules.serviceOfDecision)], clear },
        ...(limitation ? { limitation } : {}),
      },
    },
  ];
}

export function decideServeDecision(
  state: PenaltyState,
  cmd: z.infer<typeof serveDecision>,
  ctx: DecideContext,
): PenaltyEvent[] | DomainError {
  const rules = rulesOf(state, cmd.servedOn);
  const invalid = firstError(checkStage(state, ['decided'], cmd.type), checkActDate(state, ctx, cmd.servedOn, '送达决定书'));
  if (invalid || !state.decision) return invalid ?? domainError('NO_DECISION', '尚无处罚决定 / no decision to serve');
  if (state.decision.servedOn) return domainError('ALREADY_SERVED', '决定书已送达 / the decision was already served');
  return decisionServedEvents(ctx, rules, cmd.servedOn, cmd.method, state.decision.fineFen);
}
