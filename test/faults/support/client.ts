import type { Stack } from '../../support/stack';
import { sleep } from './schedule';

/** a client gives up on one request after this long (below the test's timeout, so a stuck run fails with the URL) */
const GIVE_UP_MS = 300_000;

/** A client that resends until it has a definite answer (2xx or 4xx), as the UI does, with the same Idempotency-Key. */
export async function definite(
  stack: Stack,
  method: string,
  url: string,
  body: unknown,
  key: string | null,
  user = 'officer-li',
): Promise<{ status: number; body: Record<string, unknown> }> {
  const deadline = Date.now() + GIVE_UP_MS;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const token = await stack.tokenOf(user);
      const res = await stack.send<Record<string, unknown>>(method, url, body, {
        authorization: `Bearer ${token}`,
        ...(key ? { 'idempotency-key': key } : {}),
      });
      if (res.status === 401) stack.forgetToken(user);
      else if (res.status < 500) return res;
    } catch {
      // the API is down or the answer was lost: send again
    }
    if (Date.now() > deadline) throw new Error(`${method} ${url} had no definite answer in ${GIVE_UP_MS / 60_000} minutes`);
    await sleep(Math.min(3000, 300 * attempt));
  }
}
