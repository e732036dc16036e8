import { createHash } from 'node:crypto';
import type { EventEnvelope } from '@qts/domain';
import { canonicalJson } from './canonical-json';

export type HashedEnvelope = EventEnvelope & { prevHash: string | null; hash: string };

/** SHA-256 over the canonical JSON of every field but `hash` itself (prevHash included, which links the chain). */
function hashOf(envelope: EventEnvelope): string {
  const { hash, ...rest } = envelope;
  return createHash('sha256')
    .update(canonicalJson({ ...rest, prevHash: envelope.prevHash ?? null }))
    .digest('hex');
}

/** Links a batch of one case's events to the chain that ends in `prevHash`. Deterministic: a retry yields the same hashes. */
export function chainEnvelopes(envelopes: readonly EventEnvelope[], prevHash: string | null): HashedEnvelope[] {
  let previous = prevHash;
  return envelopes.map((e) => {
    const linked = { ...e, prevHash: previous };
    const hashed = { ...linked, hash: hashOf(linked) };
    previous = hashed.hash;
    return hashed;
  });
}

export interface ChainBreak {
  caseId: string;
  seq: number;
  eventId: string;
  reason: 'hash_mismatch' | 'previous_hash_mismatch' | 'sequence_gap' | 'missing_hash';
  message: string;
}

/** The first broken link of one case's events (ordered by seq), or null when the chain holds. */
export function firstBreak(events: readonly EventEnvelope[]): ChainBreak | null {
  let previous: string | null = null;
  let expectedSeq = 1;
  for (const e of events) {
    const at = { caseId: e.caseId, seq: e.seq, eventId: e.eventId };
    if (e.seq !== expectedSeq)
      return { ...at, reason: 'sequence_gap', message: `第 ${expectedSeq} 号事件缺失 / event ${expectedSeq} is missing` };
    if (!e.hash) return { ...at, reason: 'missing_hash', message: `事件 ${e.eventId} 没有哈希 / the event carries no hash` };
    if ((e.prevHash ?? null) !== previous) {
      return {
        ...at,
        reason: 'previous_hash_mismatch',
        message: `事件 ${e.eventId} 的前序哈希与上一事件不符 / the link to the previous event is broken`,
      };
    }
    if (hashOf(e) !== e.hash) {
      return {
        ...at,
        reason: 'hash_mismatch',
        message: `事件 ${e.eventId} 的内容与其哈希不符，记录已被改动 / the event was altered after it was recorded`,
      };
    }
    previous = e.hash;
    expectedSeq += 1;
  }
  return null;
}
