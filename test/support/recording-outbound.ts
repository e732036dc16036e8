import type { OutboundDocumentActivities } from '@qts/activities';
import type { OutboundChannel, OutboundDocument } from '@qts/domain';

/** Workflow-tier stand-in for the outbound topics: keeps each document once per documentId, with its channel. */
export class RecordingOutbound {
  readonly documents: { channel: OutboundChannel; document: OutboundDocument }[] = [];
  activities(): OutboundDocumentActivities {
    return {
      publishOutboundDocument: (channel: OutboundChannel, document: OutboundDocument) => {
        if (!this.documents.some((d) => d.document.documentId === document.documentId)) this.documents.push({ channel, document });
        return Promise.resolve();
      },
    };
  }
  of(key: string): OutboundDocument[] {
    return this.documents.filter((d) => d.document.key === key).map((d) => d.document);
  }
}
