import { z } from 'zod';
import { escalationCaseCommandSchema, storableText } from '@qts/domain';

/**
 * An answer from another authority's system on escalations.inbound.v1, version 1: which escalation, who answers,
 * and the response itself (acknowledgement, forwarding to the next level, or decision) in the command's own shape.
 */
export const escalationResponseMessageSchema = storableText(
  z.strictObject({
    version: z.literal(1),
    escalationId: z.string().min(1).max(64),
    /** the answering authority, e.g. 市市场监督管理局 */
    from: z.string().min(1).max(200),
    response: escalationCaseCommandSchema.refine(
      (c) => c.type === 'RecordAcknowledgement' || c.type === 'RecordForwarding' || c.type === 'RecordDecision',
      'response must be RecordAcknowledgement, RecordForwarding or RecordDecision',
    ),
  }),
);
export type EscalationResponseMessage = z.infer<typeof escalationResponseMessageSchema>;
