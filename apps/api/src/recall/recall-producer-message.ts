import { z } from 'zod';
import { PRODUCER_COMMANDS, recallCaseCommandSchema, storableText } from '@qts/domain';

/**
 * A producer's document on recalls.inbound.v1, version 1: which recall, which producer, and the plan or report in the
 * command's own shape (FileRecallPlan, SubmitProgressReport, SubmitSummaryReport).
 */
export const recallProducerMessageSchema = storableText(
  z.strictObject({
    version: z.literal(1),
    recallId: z.string().min(1).max(64),
    /** the producer sending it, as registered on the recall */
    producer: z.string().min(1).max(200),
    report: recallCaseCommandSchema.refine(
      (c) => PRODUCER_COMMANDS.has(c.type),
      'report must be FileRecallPlan, SubmitProgressReport or SubmitSummaryReport',
    ),
  }),
);
export type RecallProducerMessage = z.infer<typeof recallProducerMessageSchema>;
