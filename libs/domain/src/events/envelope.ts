import { z } from 'zod';
import { actorSchema } from '../shared/actor';

const SHA256_HEX = /^[0-9a-f]{64}$/;

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
  /**
   * Tamper evidence: each event of a case carries the hash of the one before it (null for the first) and its own
   * SHA-256 over the canonical JSON of every other field. Set when the event is published (see @qts/audit).
   */
  prevHash: z.string().regex(SHA256_HEX, 'expected a SHA-256 hex digest').nullable().optional(),
  hash: z.string().regex(SHA256_HEX, 'expected a SHA-256 hex digest').optional(),
});
export type EventEnvelope = z.infer<typeof eventEnvelopeSchema>;

export function eventIdOf(caseId: string, seq: number): string {
  return `${caseId}:${seq}`;
}
