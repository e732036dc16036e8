import type { Queryable } from './queryable';
import { tablesOf } from './tables';

/** What the event log holds of one case: the sequence numbers of its events the projector has already passed. */
export interface LoggedCase {
  caseType: string | null;
  seqs: Set<number>;
}

/** A case the read model lacks, or lacks events of, although the event log has them: never silently missing. */
export interface MissingFromReadModel {
  caseId: string;
  caseType: string | null;
  /** where the case was seen: Kafka's case-events topic, or Temporal (a workflow that never published an event) */
  seenIn: 'kafka' | 'temporal';
  /** the whole case is absent from the read model */
  wholeCase: boolean;
  /** the events the read model lacks (empty for a case seen only in Temporal) */
  missingSeqs: number[];
}

export interface EventLogComparison {
  ok: boolean;
  /** cases and events the event log has that the read model has neither projected nor recorded as damaged */
  missing: MissingFromReadModel[];
  /** cases in the log whose missing events are recorded as damaged (listed under damagedCases) */
  damagedInLog: number;
  casesInLog: number;
  eventsInLog: number;
}

/** The read model's events of the given cases, as sequence numbers per case. */
export async function projectedSeqs(db: Queryable, schema: string, caseIds: readonly string[]): Promise<Map<string, Set<number>>> {
  const found = new Map<string, Set<number>>();
  if (caseIds.length === 0) return found;
  const { rows } = await db.query<{ case_id: string; seq: number }>(
    `SELECT case_id, seq FROM ${tablesOf(schema).timeline} WHERE case_id = ANY($1::text[])`,
    [caseIds],
  );
  for (const r of rows) {
    const seqs = found.get(r.case_id) ?? new Set<number>();
    seqs.add(r.seq);
    found.set(r.case_id, seqs);
  }
  return found;
}

/** Which of the given cases are recorded as damaged. */
export async function damagedAmong(db: Queryable, schema: string, caseIds: readonly string[]): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const { rows } = await db.query<{ case_id: string }>(
    `SELECT case_id FROM ${tablesOf(schema).damagedCases} WHERE case_id = ANY($1::text[])`,
    [caseIds],
  );
  return new Set(rows.map((r) => r.case_id));
}

/**
 * Every event of the log must be in the read model, or its case recorded as damaged; every case Temporal runs
 * (started long enough ago to have published) must be in the log, the read model or the damaged list.
 */
export function compareWithEventLog(input: {
  logged: ReadonlyMap<string, LoggedCase>;
  projected: ReadonlyMap<string, ReadonlySet<number>>;
  damaged: ReadonlySet<string>;
  /** case ids (workflow ids) Temporal runs for this deployment, started before the grace period */
  temporalCases: ReadonlyMap<string, string | null>;
}): EventLogComparison {
  const missing: MissingFromReadModel[] = [];
  let damagedInLog = 0;
  let eventsInLog = 0;
  for (const [caseId, logged] of input.logged) {
    eventsInLog += logged.seqs.size;
    const have = input.projected.get(caseId);
    const lacking = [...logged.seqs].filter((seq) => !have?.has(seq)).sort((a, b) => a - b);
    if (lacking.length === 0) continue;
    if (input.damaged.has(caseId)) {
      damagedInLog += 1;
      continue;
    }
    missing.push({ caseId, caseType: logged.caseType, seenIn: 'kafka', wholeCase: !have, missingSeqs: lacking });
  }
  for (const [caseId, caseType] of input.temporalCases) {
    if (input.logged.has(caseId) || input.projected.has(caseId) || input.damaged.has(caseId)) continue;
    missing.push({ caseId, caseType, seenIn: 'temporal', wholeCase: true, missingSeqs: [] });
  }
  missing.sort((a, b) => a.caseId.localeCompare(b.caseId));
  return { ok: missing.length === 0, missing, damagedInLog, casesInLog: input.logged.size, eventsInLog };
}
