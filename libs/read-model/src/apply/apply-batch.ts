import type { PoolClient } from 'pg';
import type { EventEnvelope } from '@qts/domain';
import { recordPosition } from '../positions';
import { tablesOf } from '../tables';
import type { ApplyOutcome, StreamPosition } from './apply-envelope';
import { foldBatch, type StoredCase } from './fold-batch';
import { writeBatch } from './write-batch';

/**
 * Applies a batch of events (in stream order) in one transaction, with the same result as applyEnvelope on each in
 * turn: the cases' rows are read once (locked, in case-id order), the events folded per case in memory, the rows
 * written with one statement per table, and the position, when given (the batch's last message), stored with them.
 * All or nothing: on any error (a refusal included) nothing is written, and applying the events one at a time
 * tells which one is at fault.
 */
export async function applyEnvelopes(
  client: PoolClient,
  schema: string,
  envelopes: readonly EventEnvelope[],
  position?: StreamPosition,
): Promise<ApplyOutcome[]> {
  const t = tablesOf(schema);
  await client.query('BEGIN');
  try {
    const caseIds = [...new Set(envelopes.map((e) => e.caseId))];
    const { rows } = await client.query<StoredCase>(
      `SELECT case_id, case_type, last_seq, state, stage FROM ${t.cases} WHERE case_id = ANY($1::text[]) ORDER BY case_id FOR UPDATE`,
      [caseIds],
    );
    const folded = foldBatch(new Map(rows.map((r) => [r.case_id, r])), envelopes);
    await writeBatch(client, t, folded);
    if (position) await recordPosition(client, schema, position.topic, position.partition, position.nextOffset);
    await client.query('COMMIT');
    return folded.outcomes;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
