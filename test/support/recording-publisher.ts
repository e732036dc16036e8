import type { EnvelopePublisher } from '@qts/activities';
import type { EventEnvelope } from '@qts/domain';

/** Workflow-tier stand-in for Kafka: keeps what was published, in order (the int tier uses the real broker). */
export class RecordingPublisher implements EnvelopePublisher {
  readonly events: EventEnvelope[] = [];
  readonly notices: EventEnvelope[] = [];
  publishCaseEvents(envelopes: EventEnvelope[]): Promise<void> {
    this.events.push(...envelopes);
    return Promise.resolve();
  }
  publishNotices(envelopes: EventEnvelope[]): Promise<void> {
    this.notices.push(...envelopes);
    return Promise.resolve();
  }
  ofCase(caseId: string): EventEnvelope[] {
    return this.events.filter((e) => e.caseId === caseId);
  }
}
