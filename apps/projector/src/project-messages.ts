import type { Pool } from 'pg';
import { nextOffset, type InboundMessage } from '@qts/kafka';
import { applyEnvelopes, isProjectionRefused, type ApplyOutcome } from '@qts/read-model';
import { parseEnvelope } from './parse-envelope';

/**
 * Consecutive messages of one partition into the read model, with the position after the last, in one transaction:
 * all or nothing. Anything wrong (a message that is not an envelope, a refused event, a database failure) is thrown,
 * and the consumer then gives the same messages to projectMessage one at a time, which dead-letters or retries.
 */
export async function projectMessages(pool: Pool, schema: string, messages: readonly InboundMessage[]): Promise<ApplyOutcome[]> {
  const last = messages.at(-1);
  if (!last) return [];
  const envelopes = messages.map(parseEnvelope);
  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    return await applyEnvelopes(client, schema, envelopes, {
      topic: last.topic,
      partition: last.partition,
      nextOffset: nextOffset(last.offset),
    });
  } catch (err) {
    if (!isProjectionRefused(err)) failure = err instanceof Error ? err : new Error(String(err));
    throw err;
  } finally {
    // a connection that failed mid-transaction is not returned to the pool
    client.release(failure);
  }
}
