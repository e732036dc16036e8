import type { AppConfig } from './load-config';

export interface TopicNames {
  /** domain events of every case, keyed by caseId */
  readonly caseEvents: string;
  /** case events the projector could not apply, with the reason */
  readonly caseEventsDlq: string;
  /** payments received from the treasury */
  readonly payments: string;
  readonly paymentsDlq: string;
  /** escalation notices for whoever delivers them */
  readonly notices: string;
  /** self-contained, versioned escalation documents for other authorities' systems */
  readonly escalationsOutbound: string;
  /** answers from other authorities (acknowledgements, decisions) */
  readonly escalationsInbound: string;
  readonly escalationsInboundDlq: string;
  /** producers' recall plans and reports (缺陷产品召回), and those refused, with the reason */
  readonly recallsInbound: string;
  readonly recallsInboundDlq: string;
  /** what the bureau publishes of a recall (召回信息), self-contained and versioned */
  readonly recallsOutbound: string;
}

export const DEAD_LETTER_SUFFIX = '.dlq';

export function topicNames(config: Pick<AppConfig, 'kafka'>): TopicNames {
  const p = config.kafka.topicPrefix;
  return Object.freeze({
    caseEvents: `${p}cases.events.v1`,
    caseEventsDlq: `${p}cases.events.v1${DEAD_LETTER_SUFFIX}`,
    payments: `${p}payments.v1`,
    paymentsDlq: `${p}payments.v1${DEAD_LETTER_SUFFIX}`,
    notices: `${p}notices.v1`,
    escalationsOutbound: `${p}escalations.outbound.v1`,
    escalationsInbound: `${p}escalations.inbound.v1`,
    escalationsInboundDlq: `${p}escalations.inbound.v1${DEAD_LETTER_SUFFIX}`,
    recallsInbound: `${p}recalls.inbound.v1`,
    recallsInboundDlq: `${p}recalls.inbound.v1${DEAD_LETTER_SUFFIX}`,
    recallsOutbound: `${p}recalls.outbound.v1`,
  });
}
