import { z } from 'zod';
import { storableText } from '../shared/storable-text';
import { isoDateSchema } from '../shared/iso-date';
import { sectionSchema } from '../shared/actor';
import { BOUNDARY_DEPARTMENTS, BOUNDARY_MATTERS, type BoundaryDepartmentKey } from './boundary-table';

const departmentKeys = Object.keys(BOUNDARY_DEPARTMENTS) as [BoundaryDepartmentKey, ...BoundaryDepartmentKey[]];

/** Where the matter must end up; the decider computes the levels it passes on the way (逐级). */
export const escalationTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('city_bureau') }),
  z.strictObject({ kind: z.literal('province') }),
  z.strictObject({ kind: z.literal('cnca') }),
  z.strictObject({ kind: z.literal('police') }),
  z.strictObject({
    kind: z.literal('peer_department'),
    department: z.enum(departmentKeys),
    /** the boundary-table row the transfer rests on */
    matter: z.enum(BOUNDARY_MATTERS).optional(),
  }),
]);
export type EscalationTarget = z.infer<typeof escalationTargetSchema>;

export const caseSummarySchema = z.strictObject({
  caseId: z.string().min(1).optional(),
  caseType: z.string().min(1).optional(),
  title: z.string().min(1, 'title is required').max(200),
  partyName: z.string().min(1, 'party name is required').max(200),
  facts: z.string().min(1, 'facts are required').max(8000),
});

/** The summary as events record it (events keep what was accepted when they were written: no newer limits). */
export const caseSummaryRecordSchema = z.object({ ...caseSummarySchema.shape, partyName: z.string().min(1) });
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const parentRefSchema = z.strictObject({ workflowId: z.string().min(1), caseType: z.string().min(1) });
export type ParentRef = z.infer<typeof parentRefSchema>;

const who = z.string().min(1, 'name the person or office that acted');

/** 上报/移送: drafted and opened by the section; nothing leaves the bureau until it is submitted. */
export const openEscalation = z.strictObject({
  type: z.literal('OpenEscalation'),
  target: escalationTargetSchema,
  subject: z.string().min(1, 'subject is required').max(200),
  legalGround: z.string().min(1, 'legal ground is required'),
  caseSummary: caseSummarySchema,
  section: sectionSchema,
  openedOn: isoDateSchema,
  /** set when a case process starts the escalation as its child: the outcome is signalled back to it */
  parent: parentRefSchema.optional(),
});

/** The bureau head signs the outbound document and it goes to the first level. */
export const submitEscalation = z.strictObject({
  type: z.literal('SubmitEscalation'),
  submittedOn: isoDateSchema,
});

/** The level signed for the document (签收 / 书面受理). */
export const recordAcknowledgement = z.strictObject({
  type: z.literal('RecordAcknowledgement'),
  acknowledgedOn: isoDateSchema,
  acknowledgedBy: who,
  reference: z.string().min(1).optional(),
});

/** The level passed it on to the next level of the chain (转报); the next level is thereby submitted to. */
export const recordForwarding = z.strictObject({
  type: z.literal('RecordForwarding'),
  forwardedOn: isoDateSchema,
  forwardedBy: who,
  reference: z.string().min(1),
  opinion: z.string().min(1),
});

export const escalationOutcomeSchema = z.enum([
  'approved',
  'revoked',
  'suspended',
  'rejected',
  'accepted_for_investigation',
  'declined',
  'accepted',
  'withdrawn',
]);
export type EscalationOutcomeKind = z.infer<typeof escalationOutcomeSchema>;

/** The level decided and answered in writing (批复 / 决定 / 立案或不予立案通知 / 回函); the escalation closes. */
export const recordDecision = z.strictObject({
  type: z.literal('RecordDecision'),
  decidedOn: isoDateSchema,
  decidedBy: who,
  outcome: escalationOutcomeSchema.exclude(['withdrawn']),
  reference: z.string().min(1),
  answer: z.string().min(1),
});

/** The bureau head takes the document back from the current level: to amend and resubmit, or to abandon it. */
export const withdrawEscalation = z.strictObject({
  type: z.literal('WithdrawEscalation'),
  withdrawnOn: isoDateSchema,
  reason: z.string().min(1),
  intent: z.enum(['amend', 'abandon']),
});

/** After an amending withdrawal, the bureau head sends the document to the same level again. */
export const resubmitEscalation = z.strictObject({
  type: z.literal('ResubmitEscalation'),
  resubmittedOn: isoDateSchema,
  reason: z.string().min(1),
  /** amended facts replace the case summary's facts in the new document */
  amendedFacts: z.string().min(1).max(8000).optional(),
});

/** The clock: raises reminders and bureau-head notices. Sent by the workflow's timers only. */
export const escalationTick = z.strictObject({ type: z.literal('Tick') });

export const escalationOpeningCommandSchema = storableText(openEscalation);

/** Commands an officer (or an inbound response, validated the same way) may send to an open escalation. */
export const escalationCaseCommandSchema = storableText(
  z.discriminatedUnion('type', [
    submitEscalation,
    recordAcknowledgement,
    recordForwarding,
    recordDecision,
    withdrawEscalation,
    resubmitEscalation,
  ]),
);

export type EscalationOpeningCommand = z.infer<typeof escalationOpeningCommandSchema>;
export type EscalationCaseCommand = z.infer<typeof escalationCaseCommandSchema>;
/** A new calendar arrived: provisional response deadlines are computed again. System only. */
export const escalationRecomputeDeadlines = z.strictObject({ type: z.literal('RecomputeDeadlines') });

export type EscalationCommand =
  EscalationOpeningCommand | EscalationCaseCommand | z.infer<typeof escalationTick> | z.infer<typeof escalationRecomputeDeadlines>;
