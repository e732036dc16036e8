import type { OutboundChannel, OutboundDocument } from '@qts/domain';

/** Where outbound documents go: one Kafka topic per channel in the worker. */
export interface OutboundDocumentPublisher {
  publishOutboundDocument(channel: OutboundChannel, doc: OutboundDocument): Promise<void>;
}

export function createOutboundDocumentActivities(publisher: OutboundDocumentPublisher) {
  return {
    /** Sends one self-contained, versioned document; a retry resends the same documentId, which receivers dedupe on. */
    async publishOutboundDocument(channel: OutboundChannel, doc: OutboundDocument): Promise<void> {
      await publisher.publishOutboundDocument(channel, doc);
    },
  };
}

export type OutboundDocumentActivities = ReturnType<typeof createOutboundDocumentActivities>;
