import type { EscalationDocumentV1 } from '@qts/domain';

/**
 * Side effects the escalation runner needs besides publishing its events (CaseActivities.publishCaseEvents).
 * Implemented in activities/ for the worker; tests register a recording implementation.
 */
export interface EscalationActivities {
  /**
   * Sends the outbound document (escalations.outbound). Called once per submission, after the submission's event
   * is published; retried until it succeeds, so it must be idempotent on `doc.documentId`.
   */
  publishEscalationDocument(doc: EscalationDocumentV1): Promise<void>;
}
