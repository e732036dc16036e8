import type { z } from 'zod';
import { domainError, type DomainError } from '../shared/domain-error';
import { endOfPeriod } from '../shared/legal-calendar';
import type { completeLegalReview, recordDefence, requestLegalReview, servePenaltyNotice, requestHearing, holdHearing } from './commands';
import { checkActDate, checkStage, firstError, rulesOf, type DecideContext } from './decide-context';
import { deadlineAfter } from './deadline-factory';
import { decisionDeadline } from './decide-filing';
import type { PenaltyEvent } from './events';
import type { PenaltyState } from './state';
import { daysBetween } from '../shared/iso-date';

export function decideRequestLegalReview(
  state: PenaltyState,
  cmd: z.infer<typeof requestLegalReview>,
  ctx: DecideContext,
): PenaltyEvent[] | DomainError {
  const rules = rulesOf(state, cmd.requestedOn);
  const invalid = firstError(
    checkStage(state, ['investigation'], cmd.type),
    checkActDate(state, ctx, cmd.requestedOn, '提交法制审核'),
    state.investigationConcludedOn ? null : domainError('INVESTIGATION_NOT_CONCLUDED', '调查尚未终结 / the investigation is not concluded'),
  );
  if (invalid) return invalid;
  return [
    {
      type: 'LegalReviewRequested',
      payload: {
        requestedOn: cmd.requestedOn,
        deadlines: { set: [deadlineAfter(ctx, 'legal_review', cmd.requestedOn, rules.legalReview)], clear: [] },
      },
    },
  ];
}

export function decideCompleteLegalReview(
  state: PenaltyState,
  cmd: z.infer<typeof completeLegalReview>,
  ctx: DecideContext,
): PenaltyEvent[] | DomainError {
  const invalid = firstError(checkStage(state, ['legal_review'], cmd.type), checkActDate(state, ctx, cmd.completedOn, '法制审核'));
  if (invalid) return invalid;
  return [
    {
      type: 'LegalReviewCompleted',
      payload: {
        completedOn: cmd.completedOn,
        opinion: cmd.opinion,
        comments: cmd.comments,
        deadlines: { set: [], clear: ['legal_review'] },
      },
    },
  ];
}

/** 行政处罚告知书: the party may state a defence and, for large fines, ask for a hearing. */
export function decideServePenaltyNotice(
  state: PenaltyState,
  cmd: z.infer<typeof servePenaltyNotice>,
  ctx: DecideContext,
): PenaltyEvent[] | DomainError {
  const rules = rulesOf(state, cmd.servedOn);
  const invalid = firstError(checkStage(state, ['review_approved'], cmd.type), checkActDate(state, ctx, cmd.servedOn, '送达告知书'));
  if (invalid) return invalid;
  const hearingRight = cmd.proposedFineFen >= rules.hearingFineThreshold.value[state.party.kind];
  const defence = deadlineAfter(ctx, 'defence_window', cmd.servedOn, rules.defenceWindow);
  const hearing = hearingRight ? deadlineAfter(ctx, 'hearing_request', cmd.servedOn, rules.hearingRequestWindow) : null;
  return [
    {
      type: 'PenaltyNoticeServed',
      payload: {
        servedOn: cmd.servedOn,
        proposedFineFen: cmd.proposedFineFen,
        proposedMeasures: cmd.proposedMeasures,
        hearingRight,
        defenceEndsOn: defence.due,
        hearingRequestEndsOn: hearing?.due ?? null,
        deadlines: { set: hearing ? [defence, hearing] : [defence], clear: [] },
      },
    },
  ];
}

export function decideRecordDefence(
  state: PenaltyState,
  cmd: z.infer<typeof recordDefence>,
  ctx: DecideContext,
): PenaltyEvent[] | DomainError {
  const invalid = firstError(checkStage(state, ['notified'], cmd.type), checkActDate(state, ctx, cmd.receivedOn, '陈述申辩'));
  if (invalid) return invalid;
  const clear = cmd.waivesRights ? ['defence_window', 'hearing_request'] : [];
  return [
    {
      type: 'DefenceRecorded',
      payload: { receivedOn: cmd.receivedOn, waivesRights: cmd.waivesRights, statement: cmd.statement, deadlines: { set: [], clear } },
    },
  ];
}

/** A hearing stops the decision clock (听证时间不计入办案期限) until it is held. */
export function decideRequestHearing(
  state: PenaltyState,
  cmd: z.infer<typeof requestHearing>,
  ctx: DecideContext,
): PenaltyEvent[] | DomainError {
  const rules = rulesOf(state, state.notice?.servedOn ?? cmd.requestedOn);
  const notice = state.notice;
  const invalid = firstError(
    checkStage(state, ['notified'], cmd.type),
    checkActDate(state, ctx, cmd.requestedOn, '听证申请'),
    notice?.hearingRight
      ? null
      : domainError('NO_HEARING_RIGHT', `拟罚款未达较大数额，不适用听证（${rules.hearingFineThreshold.source}）/ no right to a hearing`),
    state.rightsWaived ? domainError('RIGHTS_WAIVED', '当事人已放弃陈述、申辩和听证权利 / the party waived its rights') : null,
    state.hearing ? domainError('HEARING_ALREADY_REQUESTED', '已申请听证 / a hearing was already requested') : null,
    notice?.hearingRequestEndsOn && cmd.requestedOn > notice.hearingRequestEndsOn
      ? domainError(
          'HEARING_REQUEST_LATE',
          `听证申请期已于 ${notice.hearingRequestEndsOn} 届满（${rules.hearingRequestWindow.source}）/ the hearing request window has closed`,
        )
      : null,
    state.pausedFrom
      ? domainError('CLOCK_ALREADY_PAUSED', `办案期限已自 ${state.pausedFrom} 中止 / the decision clock is already paused`)
      : null,
  );
  if (invalid) return invalid;
  return [
    { type: 'HearingRequested', payload: { requestedOn: cmd.requestedOn, deadlines: { set: [], clear: ['decision', 'hearing_request'] } } },
  ];
}

const HEARING_HOST_BASIS = '《行政处罚法》第六十四条第（四）项：听证由行政机关指定的非本案调查人员主持';

/** The host must not have investigated the case (a designated 办案人员, or named on any of its evidence). */
function hostProblem(state: PenaltyState, hostId: string | undefined): DomainError | null {
  if (hostId === undefined) return null; // recorded before the host was named: replays as decided then
  const investigated = state.handlerIds.includes(hostId) || state.evidence.some((e) => e.officerIds.includes(hostId));
  return investigated
    ? domainError(
        'HEARING_HOST_INVESTIGATED',
        `听证主持人 ${hostId} 参与了本案调查（${HEARING_HOST_BASIS}）/ the hearing host investigated this case`,
        {
          hostId,
        },
      )
    : null;
}

export function decideHoldHearing(
  state: PenaltyState,
  cmd: Omit<z.infer<typeof holdHearing>, 'hostId'> & { hostId?: string },
  ctx: DecideContext,
): PenaltyEvent[] | DomainError {
  const rules = rulesOf(state, cmd.noticeServedOn);
  const hearing = state.hearing;
  if (!hearing || hearing.heldOn) return domainError('NO_PENDING_HEARING', '没有待举行的听证 / no hearing is pending');
  const earliest = endOfPeriod(ctx.calendar, cmd.noticeServedOn, rules.hearingNoticeLead.value);
  const invalid = firstError(
    checkStage(state, ['notified'], cmd.type),
    checkActDate(state, ctx, cmd.noticeServedOn, '听证通知'),
    checkActDate(state, ctx, cmd.heldOn, '听证'),
    hostProblem(state, cmd.hostId),
    cmd.heldOn < earliest.date
      ? domainError(
          'HEARING_NOTICE_TOO_SHORT',
          `听证通知须在举行七日前送达，最早可于 ${earliest.date} 举行（${rules.hearingNoticeLead.source}）/ the hearing notice was too short`,
          {
            earliest: earliest.date,
          },
        )
      : null,
  );
  if (invalid) return invalid;
  const pausedDays = daysBetween(hearing.requestedOn, cmd.heldOn);
  const filedOn = state.filedOn ?? hearing.requestedOn;
  const decision = decisionDeadline(ctx, rules, filedOn, state.pausedDays + pausedDays + state.extensionDays);
  return [
    {
      type: 'HearingHeld',
      payload: {
        noticeServedOn: cmd.noticeServedOn,
        heldOn: cmd.heldOn,
        pausedDays,
        deadlines: { set: [decision], clear: [] },
        ...(cmd.hostId === undefined ? {} : { hostId: cmd.hostId }),
      },
    },
  ];
}
