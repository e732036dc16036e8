import type { Actor, Section } from '../shared/actor';
import type { EscalationOpeningCommand } from '../escalation/commands';
import type { EscalationDocumentV1 } from '../escalation/outbound-document';
import type { OutboundChannel, OutboundDocument } from './outbound-document';

/**
 * What an event asks the durable runner to do once the event itself is published: data, not code, so the decider
 * stays pure and every process gets the same Temporal mechanics (child workflows, outbound messages).
 */
export type CaseEffect =
  /** start an escalation (上报/移送) as a child process; its outcome comes back as a system command */
  | { readonly kind: 'startEscalation'; readonly escalationId: string; readonly command: EscalationOpeningCommand; readonly actor: Actor }
  /** start a case of another process (by its case type) as a child, opened by `command` in the name of `actor` */
  | {
      readonly kind: 'startCase';
      readonly caseType: string;
      readonly caseId: string;
      readonly section: Section;
      readonly command: { readonly type: string } & Readonly<Record<string, unknown>>;
      readonly actor: Actor;
    }
  /** publish a document on an outbound channel (what the bureau must make public, e.g. 召回信息) */
  | { readonly kind: 'publishDocument'; readonly channel: OutboundChannel; readonly document: OutboundDocument }
  /** send a document to another authority (the outbound escalation topic) */
  | { readonly kind: 'sendEscalationDocument'; readonly document: EscalationDocumentV1 };

/** Who runs the case, as the runner knows it: named on outbound documents and on child processes. */
export interface CaseOrigin {
  readonly caseId: string;
  readonly bureauId: string;
  /** the sender named on outbound documents */
  readonly bureauNameZh: string;
}
