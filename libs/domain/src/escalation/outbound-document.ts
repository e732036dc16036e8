import { z } from 'zod';
import { isoDateSchema } from '../shared/iso-date';
import { caseSummarySchema, escalationTargetSchema } from './commands';
import { escalationLevelSchema, type EscalationEventOf } from './events';
import type { EscalationState } from './state';

export const ESCALATION_DOCUMENT_TYPE = 'qts.escalation.document';

/**
 * The outbound report (上报/移送文书) as a self-contained, versioned message: everything another authority's system
 * needs to register it and answer it, without access to ours. Version 1; a breaking change is a new version.
 */
export const escalationDocumentV1Schema = z.object({
  documentType: z.literal(ESCALATION_DOCUMENT_TYPE),
  version: z.literal(1),
  /** `${escalationId}:${level}-${attempt}`: the same document re-sent keeps its id */
  documentId: z.string().min(1),
  escalationId: z.string().min(1),
  attempt: z.number().int().positive(),
  fromBureau: z.object({ bureauId: z.string().min(1), nameZh: z.string().min(1) }),
  toLevel: escalationLevelSchema,
  target: escalationTargetSchema,
  /** every level of the chain, in order, and those it already passed */
  chain: z.array(z.string()).min(1),
  via: z.array(z.string()),
  subject: z.string().min(1),
  legalGround: z.string().min(1),
  caseSummary: caseSummarySchema,
  submittedOn: isoDateSchema,
  resubmissionReason: z.string().optional(),
  /** where and by when to answer: quote escalationId and documentId in the reply */
  replyTo: z.object({
    escalationId: z.string().min(1),
    channel: z.string().min(1),
    acknowledgeBy: isoDateSchema.optional(),
  }),
});
export type EscalationDocumentV1 = z.infer<typeof escalationDocumentV1Schema>;

export interface DocumentOrigin {
  escalationId: string;
  bureauId: string;
  bureauNameZh: string;
  /** the inbound channel responses come back on */
  replyChannel: string;
}

/** The document a submission sends, built from the state after the submission was applied. */
export function escalationDocumentFor(
  state: EscalationState,
  submitted: EscalationEventOf<'EscalationSubmitted'>['payload'],
  origin: DocumentOrigin,
): EscalationDocumentV1 {
  const level = state.chain.find((l) => l.key === submitted.level);
  if (!level || !state.target) throw new Error(`no level ${submitted.level} in escalation ${origin.escalationId}`);
  const acknowledgeBy = state.deadlines[`acknowledgement:${level.key}`]?.due;
  return escalationDocumentV1Schema.parse({
    documentType: ESCALATION_DOCUMENT_TYPE,
    version: 1,
    documentId: `${origin.escalationId}:${submitted.documentNo}`,
    escalationId: origin.escalationId,
    attempt: submitted.attempt,
    fromBureau: { bureauId: origin.bureauId, nameZh: origin.bureauNameZh },
    toLevel: { key: level.key, kind: level.kind, nameZh: level.nameZh, nameEn: level.nameEn, department: level.department },
    target: state.target,
    chain: state.chain.map((l) => l.key),
    via: submitted.via,
    subject: state.subject,
    legalGround: state.legalGround,
    caseSummary: { ...state.caseSummary, facts: submitted.facts },
    submittedOn: submitted.submittedOn,
    resubmissionReason: submitted.resubmissionReason,
    replyTo: { escalationId: origin.escalationId, channel: origin.replyChannel, acknowledgeBy },
  });
}
