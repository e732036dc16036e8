import type { Pool } from 'pg';
import { PermanentError, nextOffset, type InboundMessage } from '@qts/kafka';
import { applyEnvelope, isProjectionRefused, type ApplyOutcome } from '@qts/read-model';
import { parseEnvelope } from './parse-envelope';

/**
 * One message into the read model, with its position, in one transaction. An event the read model refuses
 * (gap, unknown case type, a projection that throws) is bad input for the consumer: dead-lettered, not retried.
 * Database failures are thrown as they are, to be retried.
 */
export async function projectMessage(pool: Pool, schema: string, message: InboundMessage): Promise<ApplyOutcome> {
  const envelope = parseEnvelope(message);
  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    return await applyEnvelope(client, schema, envelope, {
      topic: message.topic,
      partition: message.partition,
      nextOffset: nextOffset(message.offset),
    });
  } catch (err) {
    if (isProjectionRefused(err)) throw new PermanentError(err.message, { cause: err });
    failure = err instanceof Error ? err : new Error(String(err));
    throw err;
  } finally {
    // a connection that failed mid-transaction is not returned to the pool
    client.release(failure);
  }
}
