import { z } from 'zod';
import { fenSchema, isoDateSchema, storableText } from '@qts/domain';

/** A payment notice from the treasury (国库/非税收入系统), version 1. */
export const paymentMessageSchema = storableText(
  z.strictObject({
    caseId: z.string().min(1).max(64),
    paidOn: isoDateSchema,
    amountFen: fenSchema.positive('a payment must be more than zero'),
    reference: z.string().min(1, 'the treasury reference is required').max(100),
    payer: z.string().max(200).optional(),
  }),
);
