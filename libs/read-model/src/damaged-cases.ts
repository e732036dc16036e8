import type { Queryable } from './queryable';
import { tablesOf } from './tables';

/** An event the projector could not apply, as it was dead-lettered. */
export interface UnprojectedEvent {
  caseId: string;
  caseType: string | null;
  bureauId: string | null;
  seq: number | null;
  reason: string;
  /** when the event was published (the Kafka message's time): the row is a function of the events, not of the clock */
  at: Date;
}

/** A case with events the read model lacks: shown as damaged, never silently missing. */
export interface DamagedCase {
  caseId: string;
  caseType: string | null;
  bureauId: string | null;
  firstSeq: number | null;
  lastSeq: number | null;
  events: number;
  reason: string;
  lastReason: string;
  firstEventAt: string;
  lastEventAt: string;
}

/** Records (or adds to) the damage of a case; idempotent per event only in count, which says how many letters came. */
export async function recordUnprojected(db: Queryable, schema: string, e: UnprojectedEvent): Promise<void> {
  await db.query(
    `INSERT INTO ${tablesOf(schema).damagedCases}
       (case_id, case_type, bureau_id, first_seq, last_seq, events, reason, last_reason, first_event_at, last_event_at)
     VALUES ($1, $2, $3, $4, $4, 1, $5, $5, $6, $6)
     ON CONFLICT (case_id) DO UPDATE SET
       events = damaged_cases.events + 1,
       first_seq = LEAST(damaged_cases.first_seq, EXCLUDED.first_seq),
       last_seq = GREATEST(damaged_cases.last_seq, EXCLUDED.last_seq),
       last_reason = EXCLUDED.last_reason,
       last_event_at = GREATEST(damaged_cases.last_event_at, EXCLUDED.last_event_at),
       case_type = COALESCE(damaged_cases.case_type, EXCLUDED.case_type),
       bureau_id = COALESCE(damaged_cases.bureau_id, EXCLUDED.bureau_id)`,
    [e.caseId, e.caseType, e.bureauId, e.seq, e.reason.slice(0, 2000), e.at],
  );
}

interface Row {
  case_id: string;
  case_type: string | null;
  bureau_id: string | null;
  first_seq: number | null;
  last_seq: number | null;
  events: number;
  reason: string;
  last_reason: string;
  first_event_at: Date;
  last_event_at: Date;
}

const toDamaged = (r: Row): DamagedCase => ({
  caseId: r.case_id,
  caseType: r.case_type,
  bureauId: r.bureau_id,
  firstSeq: r.first_seq,
  lastSeq: r.last_seq,
  events: r.events,
  reason: r.reason,
  lastReason: r.last_reason,
  firstEventAt: r.first_event_at.toISOString(),
  lastEventAt: r.last_event_at.toISOString(),
});

/** Damaged cases, most recent first (one case when `caseId` is given). */
export async function listDamagedCases(db: Queryable, schema: string, caseId?: string): Promise<DamagedCase[]> {
  const { rows } = await db.query<Row>(
    `SELECT * FROM ${tablesOf(schema).damagedCases} ${caseId ? 'WHERE case_id = $1' : ''} ORDER BY last_event_at DESC, case_id LIMIT 500`,
    caseId ? [caseId] : [],
  );
  return rows.map(toDamaged);
}

/** How many cases are damaged (for /health, asked every few seconds: a count, not the list). */
export async function countDamagedCases(db: Queryable, schema: string): Promise<number> {
  const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${tablesOf(schema).damagedCases}`);
  return Number(rows[0]?.n ?? 0);
}
