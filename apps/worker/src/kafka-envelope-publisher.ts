import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { DocumentPublisher, EnvelopePublisher } from '@qts/activities';
import { topicNames, type AppConfig } from '@qts/config';
import type { EscalationDocumentV1, EventEnvelope } from '@qts/domain';
import { connectProducer, createKafka, ensureTopics, type QtsProducer } from '@qts/kafka';
import { APP_CONFIG } from '@qts/nest-support';

/** The activities' publisher: the idempotent Kafka producer, topics created on start. */
@Injectable()
export class KafkaEnvelopePublisher implements EnvelopePublisher, DocumentPublisher, OnModuleInit, OnApplicationShutdown {
  private producer: QtsProducer | undefined;
  private readonly topics;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.topics = topicNames(config);
  }

  async onModuleInit(): Promise<void> {
    const kafka = createKafka(this.config);
    const admin = kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(admin, [this.topics.caseEvents, this.topics.caseEventsDlq, this.topics.notices, this.topics.escalationsOutbound]);
    } finally {
      await admin.disconnect();
    }
    this.producer = await connectProducer(kafka);
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
}
