import { eventEnvelopeSchema, eventIdOf, type EventEnvelope } from '@qts/domain';
import { PermanentError, type InboundMessage } from '@qts/kafka';

/**
 * A message of cases.events.v1 as an envelope, or bad input: not JSON, not an envelope (zod error), an eventId
 * that is not `caseId:seq`, or a key other than the caseId (its events would not be one ordered stream).
 */
export function parseEnvelope(message: Pick<InboundMessage, 'key' | 'value'>): EventEnvelope {
  if (message.value === null) throw new PermanentError('empty message: expected an event envelope');
  let json: unknown;
  try {
    json = JSON.parse(message.value.toString('utf8'));
  } catch (err) {
    throw new PermanentError(`not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const envelope = eventEnvelopeSchema.parse(json);
  const expectedId = eventIdOf(envelope.caseId, envelope.seq);
  if (envelope.eventId !== expectedId) throw new PermanentError(`eventId "${envelope.eventId}" should be "${expectedId}"`);
  if (message.key !== envelope.caseId)
    throw new PermanentError(`event ${envelope.eventId}: message key "${message.key}" should be the caseId`);
  return envelope;
}
