import { ESCALATION_NOTICE_EVENT, eventEnvelopeSchema, type EventEnvelope } from '@qts/domain';

/** Where published envelopes go: Kafka in the worker, anything with the same shape elsewhere. */
export interface EnvelopePublisher {
  /** publish to the case-events stream, in order, keyed by caseId (idempotent producer) */
  publishCaseEvents(envelopes: EventEnvelope[]): Promise<void>;
  /** escalation notices also go to the notices stream for whoever delivers them (SMS, mail, 政务平台) */
  publishNotices(envelopes: EventEnvelope[]): Promise<void>;
}

export function createPublishActivities(publisher: EnvelopePublisher) {
  return {
    /** Publishes one batch of a case's events. A retry republishes the same eventIds; consumers skip what they have. */
    async publishCaseEvents(envelopes: EventEnvelope[]): Promise<void> {
      const checked = envelopes.map((e) => eventEnvelopeSchema.parse(e));
      await publisher.publishCaseEvents(checked);
      const notices = checked.filter((e) => e.type === ESCALATION_NOTICE_EVENT);
      if (notices.length > 0) await publisher.publishNotices(notices);
    },
  };
}
