import { z } from 'zod';
import { fenSchema, isoDateSchema } from '@qts/domain';

/** A payment notice from the treasury (国库/非税收入系统), version 1. */
export const paymentMessageSchema = z.object({
  caseId: z.string().min(1),
  paidOn: isoDateSchema,
  amountFen: fenSchema.positive('a payment must be more than zero'),
  reference: z.string().min(1, 'the treasury reference is required'),
  payer: z.string().optional(),
});
export type PaymentMessage = z.infer<typeof paymentMessageSchema>;
