import type { EventEnvelope } from '@qts/domain';
import { tablesOf, type Queryable } from '@qts/read-model';
import { firstBreak, type ChainBreak } from './hash-chain';

export interface VerificationReport {
  schema: string;
  casesChecked: number;
  eventsChecked: number;
  /** the first broken link of each case whose chain does not hold */
  broken: ChainBreak[];
  ok: boolean;
}

interface Row {
  case_id: string;
  case_type: string;
  bureau_id: string;
  seq: number;
  event_id: string;
  type: string;
  schema_version: number;
  occurred_at: Date;
  actor: EventEnvelope['actor'];
  payload: Record<string, unknown>;
  prev_hash: string | null;
  hash: string | null;
}

function toEnvelope(r: Row): EventEnvelope {
  return {
    eventId: r.event_id,
    caseId: r.case_id,
    caseType: r.case_type,
    bureauId: r.bureau_id,
    seq: r.seq,
    type: r.type,
    schemaVersion: r.schema_version,
    occurredAt: r.occurred_at.toISOString(),
    actor: r.actor,
    payload: r.payload,
    prevHash: r.prev_hash,
    ...(r.hash === null ? {} : { hash: r.hash }),
  };
}

/** Recomputes every case's hash chain from the stored events; `caseId` narrows it to one case. */
export async function verifyStore(db: Queryable, schema: string, caseId?: string): Promise<VerificationReport> {
  const t = tablesOf(schema);
  const { rows } = await db.query<Row>(
    `SELECT c.case_id, c.case_type, c.bureau_id, e.seq, e.event_id, e.type, e.schema_version, e.occurred_at, e.actor, e.payload, e.prev_hash, e.hash
     FROM ${t.timeline} e JOIN ${t.cases} c USING (case_id)
     ${caseId === undefined ? '' : 'WHERE e.case_id = $1'}
     ORDER BY e.case_id, e.seq`,
    caseId === undefined ? [] : [caseId],
  );
  const broken: ChainBreak[] = [];
  let casesChecked = 0;
  let start = 0;
  while (start < rows.length) {
    let end = start;
    while (end < rows.length && rows[end]?.case_id === rows[start]?.case_id) end += 1;
    const b = firstBreak(rows.slice(start, end).map(toEnvelope));
    if (b) broken.push(b);
    casesChecked += 1;
    start = end;
  }
  return { schema, casesChecked, eventsChecked: rows.length, broken, ok: broken.length === 0 };
}
