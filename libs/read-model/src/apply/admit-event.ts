import { caseProjections, type CaseProjection, type EventEnvelope } from '@qts/domain';
import { ProjectionRefusedError } from './refusal';
import { decideSequence } from './sequence';

/** The projection of an event's case type, or the refusal that dead-letters the event. */
export function projectionOf(envelope: EventEnvelope): CaseProjection {
  const projection = caseProjections[envelope.caseType];
  if (!projection) {
    throw new ProjectionRefusedError(
      'unknown-case-type',
      `event ${envelope.eventId}: no projection registered for caseType "${envelope.caseType}"`,
    );
  }
  return projection;
}

/**
 * Whether an event is applied to its case as the read model holds it (absent: a new case) or skipped as a duplicate;
 * a gap in the case's seqs or another case type is refused. One rule for one event at a time and for batches.
 */
export function admitEvent(current: { case_type: string; last_seq: number } | undefined, envelope: EventEnvelope): 'apply' | 'duplicate' {
  const decision = decideSequence(current?.last_seq ?? 0, envelope.seq);
  if (decision.kind === 'duplicate') return 'duplicate';
  if (decision.kind === 'gap') {
    throw new ProjectionRefusedError(
      'sequence-gap',
      `case ${envelope.caseId}: expected seq ${decision.expected}, got ${envelope.seq} (event ${envelope.eventId}): an earlier event is missing`,
    );
  }
  if (current && current.case_type !== envelope.caseType) {
    throw new ProjectionRefusedError(
      'case-type-mismatch',
      `event ${envelope.eventId}: case ${envelope.caseId} is a "${current.case_type}" case, the event says "${envelope.caseType}"`,
    );
  }
  return 'apply';
}
