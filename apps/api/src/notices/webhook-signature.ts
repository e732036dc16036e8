import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header value a delivery is signed with: `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`. */
export function signDelivery(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver checks (constant time): the signature over the timestamp and the exact body bytes. */
export function verifyDelivery(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(signDelivery(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The wait before attempt `attempt + 1` (attempt counts from 1): doubling from the first wait, at most 10 minutes. */
export function retryDelayMs(firstRetryMs: number, attempt: number): number {
  return Math.min(firstRetryMs * 2 ** Math.max(0, attempt - 1), 600_000);
}
