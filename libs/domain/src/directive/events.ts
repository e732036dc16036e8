import { z } from 'zod';
import { escalationNoticeRaisedSchema } from '../events/escalation-notice';
import { isoDateSchema } from '../shared/iso-date';
import { deadlineRecordSchema } from '../deadlines/deadline-record';
import { equipmentRecordSchema } from './equipment';
import { severitySchema } from './commands';

/** A deadline of the directive: the common record plus the days the section chief is reminded again. */
export const directiveDeadlineSchema = deadlineRecordSchema.extend({
  reminderOn: z.array(isoDateSchema).default([]),
  /** the day the inspectors themselves are reminded (the written directive after an emergency order) */
  inspectorReminderOn: isoDateSchema.optional(),
});
export type DirectiveDeadline = z.input<typeof directiveDeadlineSchema>;

const deadlines = z.object({ set: z.array(directiveDeadlineSchema).default([]), clear: z.array(z.string()).default([]) }).optional();

/** An inspector and the 执法证 number recorded on the act. */
const certifiedSchema = z.object({ officerId: z.string(), name: z.string(), certificateNo: z.string() });
export type CertifiedInspector = z.infer<typeof certifiedSchema>;

const unitSignatureRecord = z.object({
  signed: z.boolean(),
  signedBy: z.string().optional(),
  refusalNote: z.string().optional(),
});

const opened = {
  equipment: equipmentRecordSchema,
  inspectors: z.array(certifiedSchema).min(2),
  findings: z.string(),
  severity: severitySchema,
  unitSignature: unitSignatureRecord,
  /** 办法 第二十四、二十五条: a serious hazard or major violation stops the equipment at once */
  immediateStop: z.boolean(),
  /** the rule set the case runs under, with each value's source */
  rules: z.record(z.string(), z.unknown()),
  deadlines,
};

export const directiveEventPayloadSchemas = {
  InspectionRecorded: z.object({ inspectedOn: isoDateSchema, ...opened }),
  EmergencyOrderRecorded: z.object({
    orderedOn: isoDateSchema,
    orderedAt: z.string(),
    place: z.string(),
    measures: z.string(),
    ...opened,
  }),
  WrittenDirectiveIssued: z.object({
    directiveNo: z.string(),
    issuedOn: isoDateSchema,
    items: z.array(z.object({ problem: z.string(), measure: z.string() })).min(1),
    legalBasis: z.string(),
    rectifyBy: isoDateSchema,
    service: z.object({
      method: z.enum(['direct', 'refused_left_on_premises']),
      servedOn: isoDateSchema,
      receivedBy: z.string().optional(),
      refusalNote: z.string().optional(),
      witnesses: z.array(z.string()).optional(),
    }),
    /** 随后补发: the emergency order this directive is reissued for (its date and time), null on the normal path */
    emergencyOrder: z.object({ orderedOn: isoDateSchema, orderedAt: z.string() }).nullable(),
    /** days after the order it came, and whether within the bureau's setting */
    lateByWorkingDays: z.number().int().nonnegative().nullable(),
    deadlines,
  }),
  RectificationReported: z.object({ reportedOn: isoDateSchema, summary: z.string(), deadlines }),
  Reinspected: z.object({
    reinspectedOn: isoDateSchema,
    mode: z.enum(['on_site', 'documents']),
    inspectors: z.array(certifiedSchema).min(2),
    result: z.enum(['rectified', 'not_rectified']),
    findings: z.string(),
    deadlines,
  }),
  DirectiveRefused: z.object({
    refusedOn: isoDateSchema,
    facts: z.string(),
    fineRange: z.object({
      minYuan: z.number(),
      maxYuan: z.number(),
      /** 情节严重的 range (办法 第三十六条); absent on refusals recorded before it was added */
      serious: z.object({ minYuan: z.number(), maxYuan: z.number() }).optional(),
    }),
    legalSource: z.string(),
    deadlines,
  }),
  /** `opened`: the directive opened the penalty case itself (a child process), rather than naming an existing one */
  PenaltyCaseLinked: z.object({ penaltyCaseId: z.string(), linkedOn: isoDateSchema, opened: z.boolean().optional() }),
  EquipmentSealed: z.object({
    sealedOn: isoDateSchema,
    measure: z.enum(['seal', 'seize']),
    decisionNo: z.string(),
    reason: z.string(),
    expiresOn: isoDateSchema,
    deadlines,
  }),
  SealExtended: z.object({
    approvedOn: isoDateSchema,
    days: z.number().int().positive(),
    reason: z.string(),
    expiresOn: isoDateSchema,
    deadlines,
  }),
  SealReleased: z.object({ releasedOn: isoDateSchema, reason: z.string(), deadlines }),
  SeriousHazardReported: z.object({
    reportedOn: isoDateSchema,
    summary: z.string(),
    /** the child escalation to the next-higher department (市质监局) */
    escalationId: z.string(),
    districtGovernmentReportNo: z.string(),
  }),
  EscalationOutcomeRecorded: z.object({ escalationId: z.string(), outcome: z.string(), decidedOn: isoDateSchema }),
  /** the inspectors are reminded that the written directive after their emergency order is due */
  InspectorReminded: z.object({
    reminderKey: z.string(),
    inspectorIds: z.array(z.string()),
    deadlineKind: z.string(),
    due: isoDateSchema,
    message: z.string(),
  }),
  DeadlinesRecomputed: z.object({ reason: z.string(), deadlines }),
  DirectiveClosed: z.object({
    closedOn: isoDateSchema,
    outcome: z.enum(['rectified', 'referred_to_penalty', 'closed_otherwise']),
    reason: z.string(),
    deadlines,
  }),
  EscalationNoticeRaised: escalationNoticeRaisedSchema,
} as const;

type Schemas = typeof directiveEventPayloadSchemas;
export type DirectiveEventType = keyof Schemas;
export type DirectiveEvent = { [K in DirectiveEventType]: { type: K; payload: z.input<Schemas[K]> } }[DirectiveEventType];

export const DIRECTIVE_EVENT_SCHEMA_VERSION = 1;

export function parseDirectiveEvent(type: string, payload: unknown): DirectiveEvent {
  const schema = (directiveEventPayloadSchemas as Record<string, z.ZodType>)[type];
  if (!schema) throw new Error(`unknown directive event type ${type}`);
  return { type, payload: schema.parse(payload) } as DirectiveEvent;
}
