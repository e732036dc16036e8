export type SequenceDecision = { kind: 'apply' } | { kind: 'duplicate' } | { kind: 'gap'; expected: number };

/** Events of a case arrive in seq order; one already applied is skipped, a missing one stops the case. */
export function decideSequence(lastSeq: number, seq: number): SequenceDecision {
  if (seq <= lastSeq) return { kind: 'duplicate' };
  if (seq > lastSeq + 1) return { kind: 'gap', expected: lastSeq + 1 };
  return { kind: 'apply' };
}
