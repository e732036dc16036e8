import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { DocumentPublisher, EnvelopePublisher, OutboundDocumentPublisher } from '@qts/activities';
import { topicNames, type AppConfig } from '@qts/config';
import type { EscalationDocumentV1, EventEnvelope, OutboundChannel, OutboundDocument } from '@qts/domain';
import { connectProducer, createKafka, ensureTopics, withAdmin, type QtsProducer } from '@qts/kafka';
import { APP_CONFIG, untilReady } from '@qts/nest-support';

/** The activities' publisher: the idempotent Kafka producer, topics created on start. */
@Injectable()
export class KafkaEnvelopePublisher
  implements EnvelopePublisher, DocumentPublisher, OutboundDocumentPublisher, OnModuleInit, OnApplicationShutdown
{
  private readonly logger = new Logger(KafkaEnvelopePublisher.name);
  private producer: QtsProducer | undefined;
  private readonly topics;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.topics = topicNames(config);
  }

  async onModuleInit(): Promise<void> {
    const kafka = createKafka(this.config);
    const topics = [
      this.topics.caseEvents,
      this.topics.caseEventsDlq,
      this.topics.notices,
      this.topics.escalationsOutbound,
      this.topics.recallsOutbound,
    ];
    await untilReady('creating the Kafka topics', () => withAdmin(kafka, (admin) => ensureTopics(admin, topics)), this.logger);
    this.producer = await untilReady('connecting the Kafka producer', () => connectProducer(kafka), this.logger);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer?.disconnect();
  }

  private ready(): QtsProducer {
    if (!this.producer) throw new Error('Kafka producer not connected yet');
    return this.producer;
  }

  publishCaseEvents(envelopes: EventEnvelope[]): Promise<void> {
    return this.ready().publishEnvelopes(this.topics.caseEvents, envelopes);
  }

  publishNotices(envelopes: EventEnvelope[]): Promise<void> {
    return this.ready().publishEnvelopes(this.topics.notices, envelopes);
  }

  /** keyed by escalation, so one escalation's documents stay in order; documentId lets receivers dedupe */
  publishEscalationDocument(doc: EscalationDocumentV1): Promise<void> {
    return this.ready().send(this.topics.escalationsOutbound, [
      { key: doc.escalationId, value: JSON.stringify(doc), headers: { documentId: doc.documentId, documentType: doc.documentType } },
    ]);
  }

  /** keyed by the document's own key (its case), so one case's documents stay in order */
  publishOutboundDocument(channel: OutboundChannel, doc: OutboundDocument): Promise<void> {
    const topic = { recalls: this.topics.recallsOutbound }[channel];
    return this.ready().send(topic, [
      { key: doc.key, value: JSON.stringify(doc), headers: { documentId: doc.documentId, documentType: doc.documentType } },
    ]);
  }
}
