import type { Logger } from '@nestjs/common';
import type { DeadLetter, DeadLetterSink, OutboundMessage } from '@qts/kafka';
import { recordUnprojected, type Queryable, type UnprojectedEvent } from '@qts/read-model';
import { caseDamagedNotice } from './damage-notice';

/** What can be read of an event that could not be projected (it may not even be JSON). */
function unprojectedEventOf(letter: DeadLetter): UnprojectedEvent | null {
  const { original } = letter;
  let envelope: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(original.value?.toString('utf8') ?? 'null');
    if (parsed && typeof parsed === 'object') envelope = parsed as Record<string, unknown>;
  } catch {
    // not JSON: the key still names the case
  }
  const text = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v.replaceAll('\u0000', '\\u0000').slice(0, 200) : null);
  const caseId = text(envelope['caseId']) ?? text(original.key);
  if (!caseId) return null;
  const seq = envelope['seq'];
  const at = Number(original.timestamp);
  return {
    caseId,
    caseType: text(envelope['caseType']),
    bureauId: text(envelope['bureauId']),
    seq: typeof seq === 'number' && Number.isInteger(seq) ? seq : null,
    reason: letter.reason.replaceAll('\u0000', '\\u0000'),
    at: Number.isFinite(at) ? new Date(at) : new Date(0),
  };
}

/**
 * Dead letters of case events go to their topic as before, the case is marked damaged in the read model (the API,
 * /health and audit verification show it) and the administrator is notified on the notices stream, so a case whose
 * events cannot be projected never silently vanishes.
 */
export function recordingDamage(
  sink: DeadLetterSink,
  db: Queryable,
  schema: string,
  logger: Logger,
  notify: (message: OutboundMessage) => Promise<void>,
): DeadLetterSink {
  return async (letter) => {
    await sink(letter);
    const event = unprojectedEventOf(letter);
    if (!event) {
      logger.error(`dead-lettered a message naming no case (offset ${letter.original.offset}): ${letter.reason}`);
      return;
    }
    await recordUnprojected(db, schema, event);
    await notify(caseDamagedNotice(event));
    logger.error(`case ${event.caseId} is damaged: event seq ${event.seq ?? '?'} could not be projected: ${event.reason}`);
  };
}
