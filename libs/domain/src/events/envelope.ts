import { z } from 'zod';
import { actorSchema } from '../shared/actor';

/**
 * Every state change is one envelope on `cases.events.v1`, keyed by caseId.
 * eventId is `${caseId}:${seq}` so a retried publish is recognisable; seq is contiguous per case.
 */
export const eventEnvelopeSchema = z.object({
  eventId: z.string().min(1),
  caseId: z.string().min(1),
  caseType: z.string().min(1),
  bureauId: z.string().min(1),
  seq: z.number().int().positive(),
  type: z.string().min(1),
  schemaVersion: z.number().int().positive(),
  occurredAt: z.string().datetime(),
  actor: actorSchema,
  payload: z.record(z.string(), z.unknown()),
});
export type EventEnvelope = z.infer<typeof eventEnvelopeSchema>;

export function eventIdOf(caseId: string, seq: number): string {
  return `${caseId}:${seq}`;
}
