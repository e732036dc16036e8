import { escalationDocumentV1Schema, type EscalationDocumentV1 } from '@qts/domain';

/** Where outbound escalation documents go: Kafka escalations.outbound.v1 in the worker. */
export interface DocumentPublisher {
  publishEscalationDocument(doc: EscalationDocumentV1): Promise<void>;
}

export function createEscalationActivities(publisher: DocumentPublisher) {
  return {
    /** Sends one self-contained, versioned document; a retry resends the same documentId, which receivers dedupe on. */
    async publishEscalationDocument(doc: EscalationDocumentV1): Promise<void> {
      await publisher.publishEscalationDocument(escalationDocumentV1Schema.parse(doc));
    },
  };
}
