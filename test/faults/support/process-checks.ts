import type { Pool } from 'pg';
import type { ProcessLedger } from './process-load';

export interface ProcessFindings {
  /** acknowledged cases or events not in the read model (case, or case#seq type) */
  missing: string[];
  /** events of a type the clients' commands produce at a seq no answer named: a command applied twice */
  twice: string[];
  /** cases whose read-model stage is not the stage their last acknowledged answer named */
  stages: string[];
}

/**
 * The cases of the accident, recall and directive clients against the read model: every event an acknowledged answer
 * named is there with its seq and type, no command's events twice, and the case stands in the stage its acknowledged
 * commands imply.
 */
export async function processFindings(pool: Pool, schema: string, ledger: ProcessLedger): Promise<ProcessFindings> {
  const ids = ledger.cases.map((c) => c.caseId);
  const stageOf = new Map(
    (
      await pool.query<{ case_id: string; stage: string }>(`SELECT case_id, stage FROM "${schema}".cases WHERE case_id = ANY($1::text[])`, [
        ids,
      ])
    ).rows.map((r) => [r.case_id, r.stage]),
  );
  const timeline = new Map<string, Map<number, string>>();
  const { rows } = await pool.query<{ case_id: string; seq: number; type: string }>(
    `SELECT case_id, seq, type FROM "${schema}".timeline WHERE case_id = ANY($1::text[])`,
    [ids],
  );
  for (const r of rows) timeline.set(r.case_id, (timeline.get(r.case_id) ?? new Map<number, string>()).set(r.seq, r.type));

  // the event types the clients' commands produce, per process: one of them at a seq no answer named is a command's
  // event nobody was told of (a command applied twice); the workflow's own events (timers, notices) are of other types
  const commandTypes = new Map<string, Set<string>>();
  for (const c of ledger.cases)
    for (const e of c.events) commandTypes.set(c.process, (commandTypes.get(c.process) ?? new Set()).add(e.type));
  const findings: ProcessFindings = { missing: [], twice: [], stages: [] };
  for (const acked of ledger.cases) {
    const label = `${acked.process} ${acked.caseId}`;
    const stage = stageOf.get(acked.caseId);
    if (stage === undefined) {
      findings.missing.push(`${label}: case`);
      continue;
    }
    const seen = timeline.get(acked.caseId) ?? new Map<number, string>();
    for (const e of acked.events) if (seen.get(e.seq) !== e.type) findings.missing.push(`${label}#${e.seq} ${e.type}`);
    const ackedSeqs = new Set(acked.events.map((e) => e.seq));
    const types = commandTypes.get(acked.process) ?? new Set<string>();
    for (const [seq, type] of seen) if (!ackedSeqs.has(seq) && types.has(type)) findings.twice.push(`${label}#${seq} ${type}`);
    if (stage !== acked.stage) findings.stages.push(`${label}: read model ${stage}, acknowledged ${acked.stage}`);
  }
  return findings;
}
