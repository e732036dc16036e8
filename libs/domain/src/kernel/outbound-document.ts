/**
 * A document the bureau sends out (to the public, another authority's system), self-contained and versioned; `key`
 * orders one case's documents on their topic, `documentId` lets receivers dedupe a resent one.
 */
export interface OutboundDocument {
  readonly documentType: string;
  readonly version: number;
  readonly documentId: string;
  readonly key: string;
}

/** The outbound channels; the worker maps each to its topic. */
export const OUTBOUND_CHANNELS = ['recalls'] as const;
export type OutboundChannel = (typeof OUTBOUND_CHANNELS)[number];
