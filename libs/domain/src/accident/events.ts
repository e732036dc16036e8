import { z } from 'zod';
import { escalationNoticeRaisedSchema } from '../events/escalation-notice';
import { isoDateSchema } from '../shared/iso-date';
import { sectionSchema } from '../shared/actor';
import { deadlineRecordSchema } from '../deadlines/deadline-record';
import { officerCredentialSchema } from '../authorization/principal';
import { ACCIDENT_GRADES, LEAD_BODIES } from '../policy/accident-rules';
import { escalationOutcomeSchema } from '../escalation/commands';
import { accidentReportFields, casualtiesSchema, instantSchema, LIABILITY_SHARES, OUTCOME_TYPES } from './commands';

/** A limit counted in hours (上报时限), with the instants its notices fall on, all computed when it is set. */
export const hourLimitSchema = z.object({
  kind: z.string().min(1),
  labelZh: z.string(),
  labelEn: z.string(),
  dueAt: instantSchema,
  warnAt: instantSchema,
  headAt: instantSchema,
  legalSource: z.string(),
});
export type HourLimit = z.infer<typeof hourLimitSchema>;

const hourLimits = z.object({ set: z.array(hourLimitSchema).default([]), clear: z.array(z.string()).default([]) }).optional();
const deadlineRecord = deadlineRecordSchema.extend({ reminderOn: z.array(isoDateSchema).optional() });
export type AccidentDeadline = z.infer<typeof deadlineRecord>;
const deadlines = z.object({ set: z.array(deadlineRecord).default([]), clear: z.array(z.string()).default([]) }).optional();

const grading = {
  grade: z.enum(ACCIDENT_GRADES),
  gradeSource: z.string(),
};

export const accidentEventPayloadSchemas = {
  DeadlinesRecomputed: z.object({ reason: z.string(), deadlines }),
  AccidentReportReceived: z.object({
    ...accidentReportFields,
    reportId: z.string().min(1),
    place: z.string().min(1),
    summary: z.string().min(1),
    section: sectionSchema,
    occurredOn: isoDateSchema,
    receivedOn: isoDateSchema,
    /** the unit reported later than the hour after the accident (迟报) */
    unitReportLate: z.boolean(),
    rules: z.record(z.string(), z.unknown()),
    hourLimits,
  }),
  AccidentTriaged: z.object({
    triagedOn: isoDateSchema,
    decision: z.enum(['accident', 'not_an_accident']),
    ground: z.string().optional(),
    groundSource: z.string().optional(),
    reasons: z.string(),
    grade: grading.grade.optional(),
    gradeSource: z.string().optional(),
    lead: z.enum(LEAD_BODIES).optional(),
    leadSource: z.string().optional(),
    hourLimits,
    deadlines,
  }),
  AccidentReportedUpward: z.object({
    to: z.enum(['district_government', 'superior_department']),
    reportedAt: instantSchema,
    reportedBy: z.string(),
    content: z.string(),
    /** reported after its hour limit */
    late: z.boolean(),
    /** the escalation that carries the written report up, level by level */
    escalationId: z.string().optional(),
    hourLimits,
  }),
  FollowUpReportRecorded: z.object({
    reportedAt: instantSchema,
    casualties: casualtiesSchema,
    directLossYuan: z.number().int().nonnegative().optional(),
    note: z.string(),
    ...grading,
    regraded: z.boolean(),
  }),
  LeadBodyActRecorded: z.object({
    act: z.enum(['request', 'finding', 'report', 'approval']),
    on: isoDateSchema,
    reference: z.string().optional(),
    text: z.string(),
  }),
  SiteSecured: z.object({ securedAt: instantSchema, measures: z.string() }),
  InvestigationTeamFormed: z.object({
    formedOn: isoDateSchema,
    officerIds: z.array(z.string()),
    certificates: z.array(officerCredentialSchema),
  }),
  AccidentEvidenceRecorded: z.object({ collectedOn: isoDateSchema, description: z.string() }),
  AppraisalStarted: z.object({ startedOn: isoDateSchema, appraisal: z.string(), agency: z.string(), deadlines }),
  AppraisalFinished: z.object({ finishedOn: isoDateSchema, conclusion: z.string(), pausedDays: z.number().int().nonnegative(), deadlines }),
  InvestigationExtended: z.object({
    approvedOn: isoDateSchema,
    approvedBy: z.string(),
    days: z.number().int().positive(),
    reason: z.string(),
    deadlines,
  }),
  InvestigationReportSubmitted: z.object({
    submittedOn: isoDateSchema,
    cause: z.string(),
    liabilities: z.array(z.object({ party: z.string(), share: z.enum(LIABILITY_SHARES) })),
    rectificationOpinions: z.string(),
    late: z.boolean(),
    deadlines,
  }),
  CollectiveReviewRecorded: z.object({
    reviewedOn: isoDateSchema,
    conclusion: z.enum(['passed', 'returned']),
    minutes: z.string(),
    deadlines,
  }),
  InvestigationReportApproved: z.object({ approvedOn: isoDateSchema, approvedBy: z.string(), reference: z.string(), deadlines }),
  OutcomeRecorded: z.object({
    outcomeId: z.string(),
    outcome: z.enum(OUTCOME_TYPES),
    recordedOn: isoDateSchema,
    description: z.string(),
    linkedId: z.string().optional(),
    verifyBy: isoDateSchema.optional(),
    department: z.string().optional(),
    /** the child escalation that carries a police transfer or a peer notice (its id is the outcome's link) */
    escalationId: z.string().optional(),
    /** the penalty case the accident opened itself (a child process), against `party` */
    penaltyCaseId: z.string().optional(),
    party: z.object({ kind: z.enum(['citizen', 'organisation']), name: z.string(), idNumber: z.string().optional() }).optional(),
    deadlines,
  }),
  OutcomeClosed: z.object({
    outcomeId: z.string(),
    closedOn: isoDateSchema,
    result: z.enum(['closed', 'handed_on']),
    note: z.string(),
    deadlines,
  }),
  ReportEscalationAnswered: z.object({ escalationId: z.string(), outcome: escalationOutcomeSchema, decidedOn: isoDateSchema }),
  AccidentClosed: z.object({
    closedOn: isoDateSchema,
    outcome: z.enum(['not_an_accident', 'concluded']),
    summary: z.string(),
    hourLimits,
    deadlines,
  }),
  EscalationNoticeRaised: escalationNoticeRaisedSchema,
} as const;

type Schemas = typeof accidentEventPayloadSchemas;
export type AccidentEventType = keyof Schemas;
export type AccidentEvent = { [K in AccidentEventType]: { type: K; payload: z.input<Schemas[K]> } }[AccidentEventType];
export type AccidentEventOf<K extends AccidentEventType> = Extract<AccidentEvent, { type: K }>;

export const ACCIDENT_EVENT_SCHEMA_VERSION = 1;

export function parseAccidentEvent(type: string, payload: unknown): AccidentEvent {
  const schema = (accidentEventPayloadSchemas as Record<string, z.ZodType>)[type];
  if (!schema) throw new Error(`unknown accident event type ${type}`);
  return { type, payload: schema.parse(payload) } as AccidentEvent;
}
