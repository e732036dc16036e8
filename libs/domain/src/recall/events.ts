import { z } from 'zod';
import { escalationNoticeRaisedSchema } from '../events/escalation-notice';
import { isoDateSchema } from '../shared/iso-date';
import { sectionSchema } from '../shared/actor';
import { deadlineRecordSchema } from '../deadlines/deadline-record';
import { EFFECTIVENESS_CHECK_LEVELS, RECALL_RISK_LEVELS } from '../policy/recall-rules';
import { producerReportSchema } from './commands';

/** A deadline with the reminder days the clock chases it on (all computed when it is set). */
export const recallDeadlineSchema = deadlineRecordSchema.extend({ reminderOn: z.array(isoDateSchema).optional() });
export type RecallDeadline = z.infer<typeof recallDeadlineSchema>;

const deadlines = z.object({ set: z.array(recallDeadlineSchema).default([]), clear: z.array(z.string()).default([]) }).optional();

const productRecord = z.object({
  category: z.enum(['vehicle', 'consumer_goods']),
  name: z.string(),
  model: z.string().optional(),
  batch: z.string().optional(),
});
const producerRecord = z.object({ name: z.string(), creditCode: z.string().optional() });
const units = z.number().int().nonnegative();
/** a rate in per mille (0‥1000): integers keep the figures exact in events and the read model */
const permille = z.number().int().min(0).max(1000);

export const recallEventPayloadSchemas = {
  DeadlinesRecomputed: z.object({ reason: z.string(), deadlines }),
  DefectSignalRegistered: z.object({
    section: sectionSchema,
    product: productRecord,
    producer: producerRecord,
    source: z.enum(['sampling_failure', 'accident', 'complaint', 'producer_report']),
    receivedOn: isoDateSchema,
    description: z.string(),
    sourceCaseId: z.string().nullable(),
    producerReport: producerReportSchema.nullable(),
    /** whether the producer's own report came later than the rules allow (null: not a producer's report) */
    producerReportLate: z.boolean().nullable(),
    /** who leads the recall (the district assists and reports upward) */
    leadAuthority: z.enum(['samr', 'province']),
    leadSource: z.string(),
    /** the rule set the recall runs under, with each value's source */
    rules: z.record(z.string(), z.unknown()),
    deadlines,
  }),
  DefectInvestigationStarted: z.object({
    startedOn: isoDateSchema,
    mode: z.enum(['district', 'reported_upward']),
    reference: z.string().optional(),
    note: z.string(),
    deadlines,
  }),
  ProducerNotified: z.object({ notifiedOn: isoDateSchema, findings: z.string(), notifiedBy: z.string(), deadlines }),
  ObjectionRaised: z.object({ raisedOn: isoDateSchema, grounds: z.string(), deadlines }),
  ObjectionDecided: z.object({
    decidedOn: isoDateSchema,
    outcome: z.enum(['upheld', 'overruled']),
    decidedBy: z.string(),
    reasoning: z.string(),
    deadlines,
  }),
  RecallOrdered: z.object({ orderedOn: isoDateSchema, orderedBy: z.string(), reference: z.string(), deadlines }),
  RecallPlanFiled: z.object({
    filedOn: isoDateSchema,
    mode: z.enum(['voluntary', 'ordered']),
    unitsAffected: z.number().int().positive(),
    remedy: z.enum(['repair', 'replacement', 'refund', 'warning_label', 'other']),
    plannedCompletionOn: isoDateSchema,
    measures: z.string(),
    reference: z.string().optional(),
    deadlines,
  }),
  RecallPublished: z.object({
    publishedOn: isoDateSchema,
    checkLevel: z.enum(EFFECTIVENESS_CHECK_LEVELS),
    checkLevelSource: z.string(),
    channel: z.string(),
    deadlines,
  }),
  ProgressReported: z.object({
    reportedOn: isoDateSchema,
    unitsNotified: units,
    unitsRemedied: units,
    completionPermille: permille,
    note: z.string().optional(),
    deadlines,
  }),
  /** below the target and gaining too little over a reporting interval */
  RecallStalled: z.object({
    reportedOn: isoDateSchema,
    completionPermille: permille,
    previousPermille: permille,
    thresholdPermille: permille,
    minimumGainPermille: permille,
    legalSource: z.string(),
  }),
  RecallRiskAssessed: z.object({
    assessedOn: isoDateSchema,
    level: z.enum(RECALL_RISK_LEVELS),
    basis: z.string(),
    legalSource: z.string(),
  }),
  SpotCheckRecorded: z.object({
    checkedOn: isoDateSchema,
    target: z.enum(['sellers', 'consumers']),
    checked: z.number().int().positive(),
    stillSelling: units,
    note: z.string().optional(),
  }),
  SummaryReportSubmitted: z.object({
    submittedOn: isoDateSchema,
    completedOn: isoDateSchema,
    unitsNotified: units,
    unitsRemedied: units,
    completionPermille: permille,
    /** later than the summary period after completion */
    late: z.boolean(),
    summary: z.string(),
    deadlines,
  }),
  EffectivenessAssessed: z.object({
    assessedOn: isoDateSchema,
    outcome: z.enum(['effective', 'insufficient']),
    completionPermille: permille,
    thresholdPermille: permille,
    findings: z.string(),
    reasonableEfforts: z.string().optional(),
    deadlines,
  }),
  RecallReopened: z.object({ reopenedOn: isoDateSchema, newCompletionOn: isoDateSchema.optional(), deadlines }),
  RecallRefused: z.object({
    refusedOn: isoDateSchema,
    statement: z.string(),
    penaltyCaseId: z.string(),
    escalationId: z.string(),
    deadlines,
  }),
  EscalationOutcomeRecorded: z.object({ escalationId: z.string(), outcome: z.string(), decidedOn: isoDateSchema }),
  RecallClosed: z.object({ closedOn: isoDateSchema, outcome: z.enum(['no_defect', 'completed']), deadlines }),
  EscalationNoticeRaised: escalationNoticeRaisedSchema,
} as const;

type Schemas = typeof recallEventPayloadSchemas;
export type RecallEventType = keyof Schemas;
export type RecallEvent = { [K in RecallEventType]: { type: K; payload: z.input<Schemas[K]> } }[RecallEventType];
export type RecallEventOf<K extends RecallEventType> = Extract<RecallEvent, { type: K }>;

export const RECALL_EVENT_SCHEMA_VERSION = 1;

export function parseRecallEvent(type: string, payload: unknown): RecallEvent {
  const schema = (recallEventPayloadSchemas as Record<string, z.ZodType>)[type];
  if (!schema) throw new Error(`unknown recall event type ${type}`);
  return { type, payload: schema.parse(payload) } as RecallEvent;
}
