import { z } from 'zod';
import { escalationNoticeRaisedSchema } from '../events/escalation-notice';
import { isoDateSchema } from '../shared/iso-date';
import { fenSchema } from '../shared/money';
import { sectionSchema } from '../shared/actor';
import { deadlineChangesSchema } from './deadline-record';
import { noPenaltyGround, partyRecordSchema } from './commands';

const deadlines = deadlineChangesSchema.optional();
const versionRef = z.object({ effectiveFrom: isoDateSchema, source: z.string() });

export const paymentScheduleSchema = z.array(z.object({ dueOn: isoDateSchema, amountFen: fenSchema }));
export type PaymentSchedule = z.infer<typeof paymentScheduleSchema>;

/** The enforcement clock a decision (or a deferral) sets running. */
const enforcementClock = {
  enforcementFrom: isoDateSchema,
  courtWindowEndsOn: isoDateSchema,
};

/** the late fee accrued up to a reschedule, still owed (absent on events recorded before it was kept) */
const lateFeeCarried = z.object({ fen: fenSchema, through: isoDateSchema }).optional();

/** 追究时效 (行政处罚法 第三十六条) as the decision applied it (absent on decisions recorded before it was checked) */
const limitation = z.object({ runsFrom: isoDateSchema, endsOn: isoDateSchema, discoveredOn: isoDateSchema, source: z.string() }).optional();

export const penaltyEventPayloadSchemas = {
  PenaltyCaseOpened: z.object({
    procedure: z.enum(['summary', 'general']),
    section: sectionSchema,
    title: z.string(),
    party: partyRecordSchema,
    openedOn: isoDateSchema,
    /** the rule set the case runs under, with each value's legal source (程序从新) */
    rules: z.record(z.string(), z.unknown()),
    leadSource: z.string().optional(),
    summary: z.string().optional(),
    deadlines,
  }),
  SummaryPenaltyDecided: z.object({
    decidedOn: isoDateSchema,
    violationDate: isoDateSchema,
    provisionId: z.string(),
    penalty: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('warning') }),
      z.object({ kind: z.literal('fine'), fineFen: fenSchema }),
    ]),
    thresholdFen: fenSchema,
    thresholdSource: z.string(),
    limitation,
  }),
  FilingPeriodExtended: z.object({ approvedOn: isoDateSchema, reason: z.string(), deadlines }),
  CaseFiled: z.object({
    filedOn: isoDateSchema,
    reason: z.string(),
    deadlines,
    /** 办案人员 and their 执法证 numbers, valid on filedOn (absent on cases filed before they were designated here) */
    handlers: z.array(z.object({ officerId: z.string(), number: z.string() })).optional(),
  }),
  FilingDeclined: z.object({ decidedOn: isoDateSchema, reason: z.string(), deadlines }),
  EvidenceRecorded: z.object({
    kind: z.string(),
    collectedOn: isoDateSchema,
    officerIds: z.array(z.string()),
    description: z.string(),
    /** 执法证 numbers of the officers, valid on collectedOn (absent on evidence recorded before the check) */
    certificates: z.array(z.object({ officerId: z.string(), number: z.string() })).optional(),
  }),
  InvestigationConcluded: z.object({ concludedOn: isoDateSchema, findings: z.string() }),
  LegalReviewRequested: z.object({ requestedOn: isoDateSchema, deadlines }),
  LegalReviewCompleted: z.object({
    completedOn: isoDateSchema,
    opinion: z.enum(['approved', 'returned']),
    comments: z.string(),
    deadlines,
  }),
  PenaltyNoticeServed: z.object({
    servedOn: isoDateSchema,
    proposedFineFen: fenSchema,
    proposedMeasures: z.array(z.string()),
    hearingRight: z.boolean(),
    defenceEndsOn: isoDateSchema,
    hearingRequestEndsOn: isoDateSchema.nullable(),
    deadlines,
  }),
  DefenceRecorded: z.object({ receivedOn: isoDateSchema, waivesRights: z.boolean(), statement: z.string(), deadlines }),
  HearingRequested: z.object({ requestedOn: isoDateSchema, deadlines }),
  HearingHeld: z.object({
    noticeServedOn: isoDateSchema,
    heldOn: isoDateSchema,
    pausedDays: z.number().int(),
    deadlines,
    hostId: z.string().optional(),
  }),
  DecisionClockPaused: z.object({ reason: z.string(), from: isoDateSchema, deadlines }),
  DecisionClockResumed: z.object({ on: isoDateSchema, pausedDays: z.number().int(), deadlines }),
  DecisionPeriodExtended: z.object({ approvedOn: isoDateSchema, days: z.number().int(), reason: z.string(), deadlines }),
  /** 继续延期: decided collectively by the bureau's leaders past the head's 30 days (程序规定 第六十四条) */
  DecisionPeriodExtendedCollectively: z.object({
    approvedOn: isoDateSchema,
    days: z.number().int(),
    reason: z.string(),
    minutes: z.string(),
    source: z.string(),
    deadlines,
  }),
  CommitteeDecided: z.object({ decidedOn: isoDateSchema, outcome: z.enum(['penalty', 'no_penalty']), minutes: z.string() }),
  PenaltyDecided: z.object({
    decidedOn: isoDateSchema,
    violationDate: isoDateSchema,
    provisionId: z.string(),
    provisionVersion: versionRef,
    lawBasis: z.enum(['law_at_violation', 'later_lighter_law']),
    fineFen: fenSchema,
    goodsValueFen: fenSchema,
    discretion: z.string(),
    measures: z.array(z.string()),
    deadlines,
    limitation,
  }),
  NoPenaltyDecided: z.object({ decidedOn: isoDateSchema, ground: noPenaltyGround, reason: z.string(), deadlines }),
  DecisionServed: z.object({
    servedOn: isoDateSchema,
    method: z.string(),
    schedule: paymentScheduleSchema,
    reconsiderationEndsOn: isoDateSchema,
    litigationEndsOn: isoDateSchema,
    ...enforcementClock,
    deadlines,
  }),
  PaymentReceived: z.object({
    paidOn: isoDateSchema,
    amountFen: fenSchema,
    reference: z.string(),
    channel: z.enum(['officer', 'treasury']),
    amountDueAfterFen: fenSchema,
  }),
  PaymentDeferred: z.object({
    approvedOn: isoDateSchema,
    reason: z.string(),
    schedule: paymentScheduleSchema,
    ...enforcementClock,
    deadlines,
    lateFeeCarried,
  }),
  InstalmentsApproved: z.object({
    approvedOn: isoDateSchema,
    reason: z.string(),
    schedule: paymentScheduleSchema,
    ...enforcementClock,
    deadlines,
    lateFeeCarried,
  }),
  /** 减免加处罚款: the bureau head's own decision (行政强制法 第四十二条), never a side effect of a reschedule */
  LateFeeReduced: z.object({
    decidedOn: isoDateSchema,
    reducedFen: fenSchema,
    accruedFen: fenSchema,
    reason: z.string(),
    source: z.string(),
  }),
  EnforcementOpened: z.object({ on: isoDateSchema, amountDueFen: fenSchema, deadlines }),
  DemandNoticeServed: z.object({ servedOn: isoDateSchema, waitEndsOn: isoDateSchema, amountDueFen: fenSchema, deadlines }),
  CourtApplicationFiled: z.object({ filedOn: isoDateSchema, court: z.string(), amountDueFen: fenSchema, deadlines }),
  CourtRuled: z.object({ ruledOn: isoDateSchema, ruling: z.enum(['enforce', 'refuse']), reference: z.string() }),
  CaseClosed: z.object({
    closedOn: isoDateSchema,
    outcome: z.enum([
      'not_filed',
      'warning_only',
      'no_penalty',
      'paid',
      'court_ordered_enforcement',
      'court_refused_enforcement',
      'transferred_to_police',
    ]),
    overpaidFen: fenSchema.default(0),
    deadlines,
  }),
  CaseTransferredToPolice: z.object({ decidedOn: isoDateSchema, grounds: z.string(), escalationId: z.string(), deadlines }),
  PoliceDeclinedTransfer: z.object({ escalationId: z.string(), decidedOn: isoDateSchema, pausedDays: z.number().int(), deadlines }),
  /**
   * deadlines and plain dates computed again on a newly loaded State Council calendar; each date field is present only
   * when it moved (events recorded before they were kept have none)
   */
  DeadlinesRecomputed: z.object({
    reason: z.string(),
    deadlines,
    /** the statutory payment schedule with its due date (late fees run from the day after) on the new calendar */
    schedule: paymentScheduleSchema.optional(),
    reconsiderationEndsOn: isoDateSchema.optional(),
    litigationEndsOn: isoDateSchema.optional(),
    enforcementFrom: isoDateSchema.optional(),
    courtWindowEndsOn: isoDateSchema.optional(),
    /** the party's windows after the notice of proposed penalty, which gate the decision and the hearing request */
    defenceEndsOn: isoDateSchema.optional(),
    hearingRequestEndsOn: isoDateSchema.optional(),
    /** the end of the 催告 wait, which gates the court application */
    demandWaitEndsOn: isoDateSchema.optional(),
  }),
  EscalationNoticeRaised: escalationNoticeRaisedSchema,
} as const;

type Schemas = typeof penaltyEventPayloadSchemas;
export type PenaltyEventType = keyof Schemas;

/** A penalty-case event before it is wrapped in an envelope: a discriminated union on `type`. */
export type PenaltyEvent = { [K in PenaltyEventType]: { type: K; payload: z.input<Schemas[K]> } }[PenaltyEventType];
export type PenaltyEventOf<K extends PenaltyEventType> = Extract<PenaltyEvent, { type: K }>;

export const PENALTY_EVENT_SCHEMA_VERSION = 1;

export function parsePenaltyEvent(type: string, payload: unknown): PenaltyEvent {
  const schema = (penaltyEventPayloadSchemas as Record<string, z.ZodType>)[type];
  if (!schema) throw new Error(`unknown penalty event type ${type}`);
  return { type, payload: schema.parse(payload) } as PenaltyEvent;
}
