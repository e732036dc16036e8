import { escalationDocumentV1Schema, type EscalationDocumentV1 } from '@qts/domain';
import type { EscalationActivities } from '@qts/workflows';

/** Workflow-tier stand-in for the escalations.outbound topic: validates each document and keeps it once per documentId. */
export class RecordingDocuments {
  readonly documents: EscalationDocumentV1[] = [];
  activities(): EscalationActivities {
    return {
      publishEscalationDocument: (doc: EscalationDocumentV1) => {
        const valid = escalationDocumentV1Schema.parse(doc);
        if (!this.documents.some((d) => d.documentId === valid.documentId)) this.documents.push(valid);
        return Promise.resolve();
      },
    };
  }
  of(escalationId: string): EscalationDocumentV1[] {
    return this.documents.filter((d) => d.escalationId === escalationId);
  }
}
