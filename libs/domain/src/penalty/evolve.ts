import { maxDate, type IsoDate } from '../shared/iso-date';
import type { RecordedPenaltyRules } from '../policy/penalty-rule-set';
import type { DeadlineChanges } from './deadline-record';
import type { PenaltyEvent, PenaltyEventOf } from './events';
import type { PenaltyState } from './state';

function withDeadlines(state: PenaltyState, changes: Partial<DeadlineChanges> | undefined): PenaltyState {
  if (!changes) return state;
  const deadlines = { ...state.deadlines };
  for (const kind of changes.clear ?? []) delete deadlines[kind];
  for (const d of changes.set ?? []) deadlines[d.kind] = d;
  return { ...state, deadlines };
}

function acted(state: PenaltyState, on: IsoDate): PenaltyState {
  return { ...state, lastActDate: state.lastActDate ? maxDate(state.lastActDate, on) : on };
}

/** The plain dates a recomputation moved (each field present only when it moved; none on earlier events). */
function withRecomputedDates(state: PenaltyState, p: PenaltyEventOf<'DeadlinesRecomputed'>['payload']): PenaltyState {
  const appeal = state.appealPeriods;
  const notice = state.notice;
  const enforcement = state.enforcement;
  return {
    ...state,
    ...(p.schedule ? { schedule: p.schedule } : {}),
    ...(p.enforcementFrom ? { enforcementFrom: p.enforcementFrom } : {}),
    ...(p.courtWindowEndsOn ? { courtWindowEndsOn: p.courtWindowEndsOn } : {}),
    ...(appeal && (p.reconsiderationEndsOn || p.litigationEndsOn)
      ? {
          appealPeriods: {
            reconsiderationEndsOn: p.reconsiderationEndsOn ?? appeal.reconsiderationEndsOn,
            litigationEndsOn: p.litigationEndsOn ?? appeal.litigationEndsOn,
          },
        }
      : {}),
    ...(notice && (p.defenceEndsOn || p.hearingRequestEndsOn)
      ? {
          notice: {
            ...notice,
            defenceEndsOn: p.defenceEndsOn ?? notice.defenceEndsOn,
            hearingRequestEndsOn: p.hearingRequestEndsOn ?? notice.hearingRequestEndsOn,
          },
        }
      : {}),
    ...(enforcement && p.demandWaitEndsOn ? { enforcement: { ...enforcement, demandWaitEndsOn: p.demandWaitEndsOn } } : {}),
  };
}

/** Pure state transition; the same function drives the workflow and the read model. */
export function evolvePenalty(state: PenaltyState, event: PenaltyEvent): PenaltyState {
  switch (event.type) {
    case 'PenaltyCaseOpened': {
      const p = event.payload;
      const s: PenaltyState = {
        ...state,
        stage: p.procedure === 'summary' ? 'decided' : 'lead',
        procedure: p.procedure,
        section: p.section,
        title: p.title,
        party: p.party,
        openedOn: p.openedOn,
        rules: p.rules as unknown as RecordedPenaltyRules,
      };
      return withDeadlines(acted(s, p.openedOn), p.deadlines);
    }
    case 'SummaryPenaltyDecided': {
      const p = event.payload;
      const fineFen = p.penalty.kind === 'fine' ? p.penalty.fineFen : 0;
      return acted({ ...state, stage: 'decided', decision: { decidedOn: p.decidedOn, fineFen, servedOn: null } }, p.decidedOn);
    }
    case 'FilingPeriodExtended':
      return withDeadlines(acted({ ...state, filingExtended: true }, event.payload.approvedOn), event.payload.deadlines);
    case 'CaseFiled':
      return withDeadlines(
        acted(
          {
            ...state,
            stage: 'investigation',
            filedOn: event.payload.filedOn,
            handlerIds: event.payload.handlers?.map((h) => h.officerId) ?? [],
          },
          event.payload.filedOn,
        ),
        event.payload.deadlines,
      );
    case 'FilingDeclined':
      return withDeadlines(acted(state, event.payload.decidedOn), event.payload.deadlines);
    case 'EvidenceRecorded': {
      const p = event.payload;
      return acted(
        { ...state, evidence: [...state.evidence, { kind: p.kind, collectedOn: p.collectedOn, officerIds: p.officerIds }] },
        p.collectedOn,
      );
    }
    case 'InvestigationConcluded':
      return acted({ ...state, investigationConcludedOn: event.payload.concludedOn }, event.payload.concludedOn);
    case 'LegalReviewRequested':
      return withDeadlines(
        acted({ ...state, stage: 'legal_review', legalReviewOpinion: null }, event.payload.requestedOn),
        event.payload.deadlines,
      );
    case 'LegalReviewCompleted': {
      const p = event.payload;
      const stage = p.opinion === 'approved' ? 'review_approved' : 'investigation';
      const back = p.opinion === 'returned' ? { investigationConcludedOn: null } : {};
      return withDeadlines(acted({ ...state, ...back, stage, legalReviewOpinion: p.opinion }, p.completedOn), p.deadlines);
    }
    case 'PenaltyNoticeServed': {
      const p = event.payload;
      const notice = {
        servedOn: p.servedOn,
        proposedFineFen: p.proposedFineFen,
        hearingRight: p.hearingRight,
        defenceEndsOn: p.defenceEndsOn,
        hearingRequestEndsOn: p.hearingRequestEndsOn,
      };
      return withDeadlines(acted({ ...state, stage: 'notified', notice }, p.servedOn), p.deadlines);
    }
    case 'DefenceRecorded':
      return withDeadlines(
        acted({ ...state, rightsWaived: state.rightsWaived || event.payload.waivesRights }, event.payload.receivedOn),
        event.payload.deadlines,
      );
    case 'HearingRequested': {
      const p = event.payload;
      return withDeadlines(
        acted({ ...state, hearing: { requestedOn: p.requestedOn, heldOn: null }, pausedFrom: p.requestedOn }, p.requestedOn),
        p.deadlines,
      );
    }
    case 'HearingHeld': {
      const p = event.payload;
      const hearing = state.hearing ? { ...state.hearing, heldOn: p.heldOn } : { requestedOn: p.heldOn, heldOn: p.heldOn };
      return withDeadlines(
        acted({ ...state, hearing, pausedFrom: null, pausedDays: state.pausedDays + p.pausedDays }, p.heldOn),
        p.deadlines,
      );
    }
    case 'DecisionClockPaused':
      return withDeadlines(acted({ ...state, pausedFrom: event.payload.from }, event.payload.from), event.payload.deadlines);
    case 'DecisionClockResumed': {
      const p = event.payload;
      return withDeadlines(acted({ ...state, pausedFrom: null, pausedDays: state.pausedDays + p.pausedDays }, p.on), p.deadlines);
    }
    case 'DecisionPeriodExtended':
    case 'DecisionPeriodExtendedCollectively': {
      const p = event.payload;
      return withDeadlines(acted({ ...state, extensionDays: state.extensionDays + p.days }, p.approvedOn), p.deadlines);
    }
    case 'CommitteeDecided':
      return acted({ ...state, stage: 'committee_decided', committeeOutcome: event.payload.outcome }, event.payload.decidedOn);
    case 'PenaltyDecided': {
      const p = event.payload;
      return withDeadlines(
        acted({ ...state, stage: 'decided', decision: { decidedOn: p.decidedOn, fineFen: p.fineFen, servedOn: null } }, p.decidedOn),
        p.deadlines,
      );
    }
    case 'NoPenaltyDecided':
      return withDeadlines(acted(state, event.payload.decidedOn), event.payload.deadlines);
    case 'DecisionServed': {
      const p = event.payload;
      const decision = state.decision ? { ...state.decision, servedOn: p.servedOn } : null;
      return withDeadlines(
        acted(
          {
            ...state,
            stage: 'payment',
            decision,
            schedule: p.schedule,
            appealPeriods: { reconsiderationEndsOn: p.reconsiderationEndsOn, litigationEndsOn: p.litigationEndsOn },
            enforcementFrom: p.enforcementFrom,
            courtWindowEndsOn: p.courtWindowEndsOn,
          },
          p.servedOn,
        ),
        p.deadlines,
      );
    }
    case 'PaymentReceived': {
      const p = event.payload;
      return acted(
        { ...state, payments: [...state.payments, { paidOn: p.paidOn, amountFen: p.amountFen, reference: p.reference }] },
        p.paidOn,
      );
    }
    case 'PaymentDeferred':
    case 'InstalmentsApproved': {
      const p = event.payload;
      return withDeadlines(
        acted(
          {
            ...state,
            schedule: p.schedule,
            scheduleApprovedOn: p.approvedOn,
            lateFeeCarried: p.lateFeeCarried ?? null,
            enforcementFrom: p.enforcementFrom,
            courtWindowEndsOn: p.courtWindowEndsOn,
          },
          p.approvedOn,
        ),
        p.deadlines,
      );
    }
    case 'LateFeeReduced': {
      const p = event.payload;
      return acted({ ...state, lateFeeReducedFen: (state.lateFeeReducedFen ?? 0) + p.reducedFen }, p.decidedOn);
    }
    case 'EnforcementOpened':
      return withDeadlines(
        {
          ...state,
          stage: 'enforcement',
          enforcement: { openedOn: event.payload.on, demandServedOn: null, demandWaitEndsOn: null, courtFiledOn: null },
        },
        event.payload.deadlines,
      );
    case 'DemandNoticeServed': {
      const p = event.payload;
      const enforcement = state.enforcement
        ? { ...state.enforcement, demandServedOn: p.servedOn, demandWaitEndsOn: p.waitEndsOn }
        : { openedOn: p.servedOn, demandServedOn: p.servedOn, demandWaitEndsOn: p.waitEndsOn, courtFiledOn: null };
      return withDeadlines(acted({ ...state, enforcement }, p.servedOn), p.deadlines);
    }
    case 'CourtApplicationFiled': {
      const p = event.payload;
      const enforcement = state.enforcement ? { ...state.enforcement, courtFiledOn: p.filedOn } : null;
      return withDeadlines(acted({ ...state, stage: 'court', enforcement }, p.filedOn), p.deadlines);
    }
    case 'CourtRuled':
      return acted(state, event.payload.ruledOn);
    case 'CaseClosed': {
      const p = event.payload;
      return withDeadlines(
        acted({ ...state, stage: 'closed', closure: { closedOn: p.closedOn, outcome: p.outcome } }, p.closedOn),
        p.deadlines,
      );
    }
    case 'CaseTransferredToPolice': {
      const p = event.payload;
      const transfer = { decidedOn: p.decidedOn, escalationId: p.escalationId, grounds: p.grounds, resumeStage: state.stage };
      return withDeadlines(acted({ ...state, stage: 'transferred', transfer, pausedFrom: p.decidedOn }, p.decidedOn), p.deadlines);
    }
    case 'PoliceDeclinedTransfer': {
      const p = event.payload;
      const stage = state.transfer?.resumeStage ?? 'investigation';
      return withDeadlines(
        acted({ ...state, stage, transfer: null, pausedFrom: null, pausedDays: state.pausedDays + p.pausedDays }, p.decidedOn),
        p.deadlines,
      );
    }
    case 'DeadlinesRecomputed':
      return withDeadlines(withRecomputedDates(state, event.payload), event.payload.deadlines);
    case 'EscalationNoticeRaised':
      return { ...state, raisedNotices: [...state.raisedNotices, event.payload.noticeKey, ...(event.payload.supersedes ?? [])] };
    default: {
      const never: never = event;
      return never;
    }
  }
}
