import { type CaseProjection, type EventEnvelope, type OpenDeadline, type ProjectedNotice } from '@qts/domain';
import type { ApplyOutcome } from './apply-envelope';
import { carriedState } from './carried-state';
import { jsonbRoundTrip } from './jsonb-round-trip';
import { projectEvent } from './project-event';
import type { ValidCaseView } from './view-schemas';
import { admitEvent, projectionOf } from './admit-event';

/** A case row as stored before the batch. */
export interface StoredCase {
  case_id: string;
  case_type: string;
  last_seq: number;
  state: unknown;
  stage: string;
}

/** What a batch leaves of one case: the row to insert or update, and its deadlines when an event changed them. */
export interface FoldedCase {
  caseId: string;
  isNew: boolean;
  caseType: string;
  bureauId: string;
  openedAt: string;
  updatedAt: string;
  lastSeq: number;
  /** the state evolve returned, stored as JSON.stringify writes it (as applyEnvelope does) */
  state: unknown;
  /** the state (carriedState's) that evolve was given to return `state`; undefined when it came from the row */
  carriedBefore: unknown;
  view: ValidCaseView;
  nextDue: string | null;
  /** the deadlines of the last event that changed them; undefined when no event of the batch did */
  deadlines: OpenDeadline[] | undefined;
  /** when the case entered the stage it ends the batch in, if an event of the batch changed it (else the row keeps its own) */
  stageChangedAt: string | null;
}

export interface FoldedBatch {
  outcomes: ApplyOutcome[];
  /** changed cases, in the order of their first event */
  cases: FoldedCase[];
  timeline: EventEnvelope[];
  notices: { envelope: EventEnvelope; notice: ProjectedNotice }[];
}

/**
 * Pure: the events of a batch folded case by case in memory, with the same checks and the same projectEvent as
 * one event at a time (applyEnvelope). Throws the refusal applyEnvelope would throw for the first event it refuses.
 */
export function foldBatch(stored: ReadonlyMap<string, StoredCase>, envelopes: readonly EventEnvelope[]): FoldedBatch {
  const cases = new Map<string, FoldedCase>();
  const out: FoldedBatch = { outcomes: [], cases: [], timeline: [], notices: [] };
  for (const envelope of envelopes) {
    const projection = projectionOf(envelope);
    const folded = cases.get(envelope.caseId);
    const row = stored.get(envelope.caseId);
    const current = folded
      ? { case_type: folded.caseType, last_seq: folded.lastSeq, state: asReadBack(projection, folded) }
      : row && { case_type: row.case_type, last_seq: row.last_seq, state: row.state };
    if (admitEvent(current, envelope) === 'duplicate') {
      out.outcomes.push('duplicate');
      continue;
    }
    const projected = projectEvent(projection, current?.state, envelope);
    // as applyEnvelope: stage_since moves only when the stage changes (a new case enters its first stage now)
    const stageBefore = folded ? folded.view.stage : row?.stage;
    const stageChangedAt = stageBefore === projected.view.stage ? (folded?.stageChangedAt ?? null) : envelope.occurredAt;
    const next: FoldedCase = {
      caseId: envelope.caseId,
      isNew: folded ? folded.isNew : row === undefined,
      caseType: folded?.caseType ?? row?.case_type ?? envelope.caseType,
      bureauId: folded?.bureauId ?? envelope.bureauId,
      openedAt: folded?.openedAt ?? envelope.occurredAt,
      updatedAt: envelope.occurredAt,
      lastSeq: envelope.seq,
      state: projected.state,
      carriedBefore: folded && projection.readonlyState === true ? current?.state : undefined,
      view: projected.view,
      nextDue: projected.nextDue,
      deadlines: projected.deadlinesChanged ? projected.view.deadlines : folded?.deadlines,
      stageChangedAt,
    };
    cases.set(envelope.caseId, next);
    out.timeline.push(envelope);
    if (projected.notice) out.notices.push({ envelope, notice: projected.notice });
    out.outcomes.push('applied');
  }
  // a Map keeps the order of first insertion
  out.cases = [...cases.values()];
  return out;
}

/**
 * The state the next event of the same case evolves: what it would read back from the case's jsonb row (see
 * jsonb-round-trip.ts), without the JSON text when the projection leaves the states it is given unchanged.
 */
function asReadBack(projection: CaseProjection, folded: FoldedCase): unknown {
  return projection.readonlyState === true ? carriedState(folded.state, folded.carriedBefore) : jsonbRoundTrip(folded.state);
}
