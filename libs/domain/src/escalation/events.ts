import { z } from 'zod';
import { escalationNoticeRaisedSchema } from '../events/escalation-notice';
import { isoDateSchema } from '../shared/iso-date';
import { sectionSchema } from '../shared/actor';
import { deadlineRecordSchema } from '../penalty/deadline-record';
import { ESCALATION_LEVEL_KINDS } from '../policy/escalation-rules';
import { BOUNDARY_DEPARTMENTS, type BoundaryDepartmentKey } from './boundary-table';
import { caseSummaryRecordSchema, escalationOutcomeSchema, escalationTargetSchema, parentRefSchema } from './commands';

/**
 * A response deadline: the common DeadlineRecord (so the read model shows it like any other) plus the days on which
 * the section chief is reminded again. All dates are computed when the deadline is set and recorded here.
 */
export const escalationDeadlineSchema = deadlineRecordSchema.extend({
  level: z.string(),
  phase: z.enum(['acknowledgement', 'answer']),
  reminderOn: z.array(isoDateSchema).default([]),
});
export type EscalationDeadline = z.infer<typeof escalationDeadlineSchema>;

const deadlines = z.object({ set: z.array(escalationDeadlineSchema).default([]), clear: z.array(z.string()).default([]) }).optional();

export const escalationLevelSchema = z.object({
  key: z.string(),
  kind: z.enum(ESCALATION_LEVEL_KINDS),
  nameZh: z.string(),
  nameEn: z.string(),
  department: z.enum(Object.keys(BOUNDARY_DEPARTMENTS) as [BoundaryDepartmentKey, ...BoundaryDepartmentKey[]]).optional(),
});

export const escalationEventPayloadSchemas = {
  /** provisional response deadlines moved (or became firm) on a newly loaded State Council calendar */
  DeadlinesRecomputed: z.object({ reason: z.string(), deadlines }),
  EscalationOpened: z.object({
    target: escalationTargetSchema,
    subject: z.string(),
    legalGround: z.string(),
    caseSummary: caseSummaryRecordSchema,
    section: sectionSchema,
    openedOn: isoDateSchema,
    chain: z.array(escalationLevelSchema).min(1),
    parent: parentRefSchema.nullable(),
    /** the rule set the escalation runs under, with each value's source */
    rules: z.record(z.string(), z.unknown()),
  }),
  /** the outbound document went to a level (first submission, a forwarding, or a resubmission) */
  EscalationSubmitted: z.object({
    level: z.string(),
    levelIndex: z.number().int().nonnegative(),
    attempt: z.number().int().positive(),
    submittedOn: isoDateSchema,
    /** the document's number within the escalation: `${level}-${attempt}` */
    documentNo: z.string(),
    /** the levels that forwarded it here */
    via: z.array(z.string()),
    resubmissionReason: z.string().optional(),
    facts: z.string(),
    deadlines,
  }),
  EscalationAcknowledged: z.object({
    level: z.string(),
    acknowledgedOn: isoDateSchema,
    acknowledgedBy: z.string(),
    reference: z.string().optional(),
    deadlines,
  }),
  EscalationForwarded: z.object({
    level: z.string(),
    toLevel: z.string(),
    forwardedOn: isoDateSchema,
    forwardedBy: z.string(),
    reference: z.string(),
    opinion: z.string(),
    deadlines,
  }),
  EscalationDecided: z.object({
    level: z.string(),
    decidedOn: isoDateSchema,
    decidedBy: z.string(),
    outcome: escalationOutcomeSchema,
    reference: z.string(),
    answer: z.string(),
    deadlines,
  }),
  EscalationWithdrawn: z.object({
    level: z.string(),
    withdrawnOn: isoDateSchema,
    reason: z.string(),
    intent: z.enum(['amend', 'abandon']),
    deadlines,
  }),
  EscalationClosed: z.object({
    closedOn: isoDateSchema,
    outcome: escalationOutcomeSchema,
    /** the level whose decision closed it; null when the bureau abandoned it */
    decidedByLevel: z.string().nullable(),
    deadlines,
  }),
  EscalationNoticeRaised: escalationNoticeRaisedSchema,
} as const;

type Schemas = typeof escalationEventPayloadSchemas;
export type EscalationEventType = keyof Schemas;
export type EscalationEvent = { [K in EscalationEventType]: { type: K; payload: z.input<Schemas[K]> } }[EscalationEventType];
export type EscalationEventOf<K extends EscalationEventType> = Extract<EscalationEvent, { type: K }>;

export const ESCALATION_EVENT_SCHEMA_VERSION = 1;

export function parseEscalationEvent(type: string, payload: unknown): EscalationEvent {
  const schema = (escalationEventPayloadSchemas as Record<string, z.ZodType>)[type];
  if (!schema) throw new Error(`unknown escalation event type ${type}`);
  return { type, payload: schema.parse(payload) } as EscalationEvent;
}
