import { chainEnvelopes } from '@qts/audit';
import { ESCALATION_NOTICE_EVENT, eventEnvelopeSchema, processOf, type EventEnvelope } from '@qts/domain';

/** An escalation notice, or a process's own reminder to named people (the read model lists both as notices). */
function isNotice(e: EventEnvelope): boolean {
  return e.type === ESCALATION_NOTICE_EVENT || (processOf(e.caseType)?.projection.noticeEvents?.includes(e.type) ?? false);
}

/** Where published envelopes go: Kafka in the worker, anything with the same shape elsewhere. */
export interface EnvelopePublisher {
  /** publish to the case-events stream, in order, keyed by caseId (idempotent producer) */
  publishCaseEvents(envelopes: EventEnvelope[]): Promise<void>;
  /** notices and reminders also go to the notices stream for whoever delivers them (SMS, mail, 政务平台) */
  publishNotices(envelopes: EventEnvelope[]): Promise<void>;
}

export function createPublishActivities(publisher: EnvelopePublisher) {
  return {
    /**
     * Publishes one batch of a case's events, each linked by hash to the one before (tamper evidence), and
     * returns the last hash for the next batch. A retry republishes the same eventIds with the same hashes;
     * consumers skip what they have.
     */
    async publishCaseEvents(envelopes: EventEnvelope[], prevHash: string | null = null): Promise<{ lastHash: string | null }> {
      const checked = chainEnvelopes(
        envelopes.map((e) => eventEnvelopeSchema.parse(e)),
        prevHash,
      );
      await publisher.publishCaseEvents(checked);
      const notices = checked.filter(isNotice);
      if (notices.length > 0) await publisher.publishNotices(notices);
      return { lastHash: checked.at(-1)?.hash ?? prevHash };
    },
  };
}
