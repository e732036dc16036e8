import { byStage, type CaseMoves } from '../kernel/moves';
import type { IsoDate } from '../shared/iso-date';
import type { PenaltyCaseCommand } from './commands';
import type { PenaltyStage, PenaltyState } from './state';

type Command = PenaltyCaseCommand['type'];

/** filed and not yet decided: the decision clock runs (decide-decision.ts FILED_UNDECIDED) */
const FILED_UNDECIDED: readonly Command[] = [
  'PauseDecisionClock',
  'ResumeDecisionClock',
  'ExtendDecisionPeriod',
  'ExtendDecisionPeriodCollectively',
  'TransferToPolice',
];
const PAYING: readonly Command[] = ['RecordPayment', 'ReduceLateFee'];

/** The commands each stage accepts, as the deciders' `checkStage` calls allow them. */
export const PENALTY_STAGE_COMMANDS: Partial<Record<PenaltyStage, readonly Command[]>> = {
  lead: ['DecideFiling', 'ExtendFilingPeriod'],
  investigation: ['RecordEvidence', 'ConcludeInvestigation', 'RequestLegalReview', ...FILED_UNDECIDED],
  legal_review: ['CompleteLegalReview', ...FILED_UNDECIDED],
  review_approved: ['ServePenaltyNotice', ...FILED_UNDECIDED],
  notified: ['RecordDefence', 'RequestHearing', 'HoldHearing', 'RecordCommitteeDecision', ...FILED_UNDECIDED],
  committee_decided: ['DecidePenalty', ...FILED_UNDECIDED],
  decided: ['ServeDecision'],
  payment: [...PAYING, 'ApproveDeferral', 'ApproveInstalments'],
  enforcement: [...PAYING, 'ServeDemandNotice', 'ApplyToCourt'],
  court: [...PAYING, 'RecordCourtRuling'],
};

/** refused while the decision clock is paused (CLOCK_PAUSED, CLOCK_ALREADY_PAUSED): resume it first */
const NOT_WHILE_PAUSED: readonly Command[] = [
  'PauseDecisionClock',
  'RequestHearing',
  'ExtendDecisionPeriod',
  'ExtendDecisionPeriodCollectively',
  'TransferToPolice',
];

/** the party may still ask for a hearing (《行政处罚法》第六十三条、第六十四条) */
function hearingOpen(s: PenaltyState, today: IsoDate): boolean {
  const ends = s.notice?.hearingRequestEndsOn;
  return s.notice?.hearingRight === true && !s.rightsWaived && s.hearing === null && !(ends && today > ends);
}

/** the party's defence and hearing-request windows have ended, and no requested hearing is pending (第六十二条至第六十四条) */
function committeeMayMeet(s: PenaltyState, today: IsoDate): boolean {
  const notice = s.notice;
  if (!notice) return false;
  if (s.hearing !== null && s.hearing.heldOn === null) return false;
  if (s.rightsWaived) return true;
  if (today <= notice.defenceEndsOn) return false;
  return !(notice.hearingRequestEndsOn && s.hearing === null && today <= notice.hearingRequestEndsOn);
}

const hearingPending = (s: PenaltyState) => s.hearing !== null && s.hearing.heldOn === null;

/** What the deciders check of the state (and today) beyond the stage, per command: their codes are in `notNowCodes`. */
const PRECONDITIONS: Partial<Record<Command, (s: PenaltyState, today: IsoDate) => boolean>> = {
  ExtendFilingPeriod: (s) => !s.filingExtended && s.deadlines['filing_decision'] !== undefined,
  ConcludeInvestigation: (s) => s.evidence.length > 0 && s.investigationConcludedOn === null,
  RequestLegalReview: (s) => s.investigationConcludedOn !== null,
  HoldHearing: hearingPending,
  ResumeDecisionClock: (s) => !hearingPending(s),
  RequestHearing: hearingOpen,
  RecordCommitteeDecision: committeeMayMeet,
  ExtendDecisionPeriodCollectively: (s) => s.extensionDays > 0,
  ServeDemandNotice: (s) => !s.enforcement?.demandServedOn,
  ApplyToCourt: (s, today) => {
    const waitEnds = s.enforcement?.demandServedOn ? s.enforcement.demandWaitEndsOn : null;
    return waitEnds !== null && waitEnds !== undefined && today > waitEnds;
  },
};

/** 行政处罚案件: whose move. While the decision clock is paused, it is resumed first. */
export const penaltyMoves: CaseMoves<PenaltyState, Command> = {
  accepts: byStage(
    (s: PenaltyState) => s.stage,
    PENALTY_STAGE_COMMANDS,
    (s, c, today) =>
      (s.pausedFrom === null ? c !== 'ResumeDecisionClock' : !NOT_WHILE_PAUSED.includes(c)) && (PRECONDITIONS[c]?.(s, today) ?? true),
  ),
  notNowCodes: [
    'WRONG_STAGE',
    'CASE_CLOSED',
    'CLOCK_ALREADY_PAUSED',
    'CLOCK_NOT_PAUSED',
    'CLOCK_PAUSED',
    'NO_PENDING_HEARING',
    'NO_HEARING_RIGHT',
    'RIGHTS_WAIVED',
    'HEARING_ALREADY_REQUESTED',
    'HEARING_REQUEST_LATE',
    'HEAD_EXTENSION_FIRST',
    'ALREADY_EXTENDED',
    'NO_EVIDENCE',
    'ALREADY_CONCLUDED',
    'INVESTIGATION_NOT_CONCLUDED',
    'HEARING_PENDING',
    'DEFENCE_WINDOW_OPEN',
    'HEARING_WINDOW_OPEN',
    'DEMAND_ALREADY_SERVED',
    'NO_FILING_DEADLINE',
    'DEMAND_NOTICE_REQUIRED',
    'DEMAND_WAIT_NOT_OVER',
  ],
  governedBy: {
    DecideFiling: ['filing_decision'],
    ExtendFilingPeriod: ['filing_decision'],
    RecordEvidence: ['decision'],
    ConcludeInvestigation: ['decision'],
    RequestLegalReview: ['decision'],
    CompleteLegalReview: ['decision'],
    ServePenaltyNotice: ['decision'],
    RecordCommitteeDecision: ['decision'],
    DecidePenalty: ['decision'],
    ExtendDecisionPeriod: ['decision'],
    ExtendDecisionPeriodCollectively: ['decision'],
    PauseDecisionClock: ['decision'],
    TransferToPolice: ['decision'],
    RecordPayment: ['payment'],
    ApproveDeferral: ['payment'],
    ApproveInstalments: ['payment'],
    ServeDemandNotice: ['demand_notice'],
    ApplyToCourt: ['court_application'],
  },
};
