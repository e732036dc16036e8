import type { IsoDate } from '../shared/iso-date';
import type { Fen } from '../shared/money';
import type { Section } from '../shared/actor';
import type { RecordedPenaltyRules } from '../policy/penalty-rule-set';
import type { Party } from './commands';
import type { DeadlineRecord } from './deadline-record';
import type { PaymentSchedule } from './events';

export type PenaltyStage =
  | 'none'
  | 'lead' // 线索核查
  | 'investigation' // 立案调查
  | 'legal_review' // 法制审核
  | 'review_approved' // 审核通过，待告知
  | 'notified' // 已告知，陈述申辩/听证期
  | 'committee_decided' // 案审会已审议
  | 'decided' // 已决定，待送达
  | 'payment' // 已送达，待缴纳
  | 'enforcement' // 催告/申请强制执行
  | 'court' // 已申请法院强制执行
  | 'transferred' // 已移送公安机关，待答复
  | 'closed';

export interface PaymentRecord {
  paidOn: IsoDate;
  amountFen: Fen;
  reference: string;
}

export interface PenaltyState {
  stage: PenaltyStage;
  procedure: 'summary' | 'general' | null;
  section: Section;
  title: string;
  party: Party;
  openedOn: IsoDate | null;
  /** the rules in force when the case opened (each later act resolves its rules by its own date) */
  rules: RecordedPenaltyRules | null;
  /** the latest date an act was recorded for; a new act may not be dated before it */
  lastActDate: IsoDate | null;
  filingExtended: boolean;
  filedOn: IsoDate | null;
  /** 办案人员 designated at filing (empty for cases filed before they were recorded) */
  handlerIds: string[];
  evidence: { kind: string; collectedOn: IsoDate; officerIds: string[] }[];
  investigationConcludedOn: IsoDate | null;
  legalReviewOpinion: 'approved' | 'returned' | null;
  notice: {
    servedOn: IsoDate;
    proposedFineFen: Fen;
    hearingRight: boolean;
    defenceEndsOn: IsoDate;
    hearingRequestEndsOn: IsoDate | null;
  } | null;
  rightsWaived: boolean;
  hearing: { requestedOn: IsoDate; heldOn: IsoDate | null } | null;
  /** decision clock: calendar days added by pauses and approved extensions */
  pausedDays: number;
  pausedFrom: IsoDate | null;
  extensionDays: number;
  committeeOutcome: 'penalty' | 'no_penalty' | null;
  decision: {
    decidedOn: IsoDate;
    fineFen: Fen;
    servedOn: IsoDate | null;
  } | null;
  schedule: PaymentSchedule;
  /**
   * when the bureau head set the schedule's dates (deferral, instalments): they are then not derived from the calendar;
   * null while the schedule is the statutory payment period from service (absent on states saved before it was kept)
   */
  scheduleApprovedOn?: IsoDate | null;
  /**
   * when the reconsideration (行政复议法 第二十条) and litigation (行政诉讼法 第四十六条) periods end, counted from service
   * of the decision (absent on states saved before they were kept)
   */
  appealPeriods?: { reconsiderationEndsOn: IsoDate; litigationEndsOn: IsoDate } | null;
  payments: PaymentRecord[];
  /** late fee accrued before a deferral or instalments were approved, kept (absent on states saved before it was kept) */
  lateFeeCarried?: { fen: Fen; through: IsoDate } | null;
  /** late fee reduced or waived by the bureau head (行政强制法 第四十二条) */
  lateFeeReducedFen?: Fen;
  enforcementFrom: IsoDate | null;
  courtWindowEndsOn: IsoDate | null;
  enforcement: { openedOn: IsoDate; demandServedOn: IsoDate | null; demandWaitEndsOn: IsoDate | null; courtFiledOn: IsoDate | null } | null;
  closure: { closedOn: IsoDate; outcome: string } | null;
  /** 移送公安: the stage the case waits in, and the escalation carrying the transfer */
  transfer: { decidedOn: IsoDate; escalationId: string; grounds: string; resumeStage: PenaltyStage } | null;
  deadlines: Record<string, DeadlineRecord>;
  raisedNotices: string[];
}

export function initialPenaltyState(): PenaltyState {
  return {
    stage: 'none',
    procedure: null,
    section: 'enforcement',
    title: '',
    party: { kind: 'citizen', name: '' },
    openedOn: null,
    rules: null,
    lastActDate: null,
    filingExtended: false,
    filedOn: null,
    handlerIds: [],
    evidence: [],
    investigationConcludedOn: null,
    legalReviewOpinion: null,
    notice: null,
    rightsWaived: false,
    hearing: null,
    pausedDays: 0,
    pausedFrom: null,
    extensionDays: 0,
    committeeOutcome: null,
    decision: null,
    schedule: [],
    scheduleApprovedOn: null,
    appealPeriods: null,
    payments: [],
    lateFeeCarried: null,
    lateFeeReducedFen: 0,
    enforcementFrom: null,
    courtWindowEndsOn: null,
    enforcement: null,
    closure: null,
    transfer: null,
    deadlines: {},
    raisedNotices: [],
  };
}
