import type { IHeaders, KafkaMessage } from 'kafkajs';

/** A message as handlers see it: headers decoded as UTF-8, offsets as decimal strings. */
export interface InboundMessage {
  topic: string;
  partition: number;
  offset: string;
  timestamp: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

export interface OutboundMessage {
  key: string | null;
  value: string | Buffer | null;
  headers?: Record<string, string>;
}

function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    out[name] = (Array.isArray(value) ? value : [value]).map((v) => v.toString()).join(',');
  }
  return out;
}

export function toInboundMessage(topic: string, partition: number, message: KafkaMessage): InboundMessage {
  return {
    topic,
    partition,
    offset: message.offset,
    timestamp: message.timestamp,
    key: message.key === null ? null : message.key.toString(),
    value: message.value,
    headers: decodeHeaders(message.headers),
  };
}

/** The offset after this one: what a consumer stores as its position once the message is done. */
export function nextOffset(offset: string): string {
  return (BigInt(offset) + 1n).toString();
}
