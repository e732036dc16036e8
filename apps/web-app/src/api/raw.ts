import { authorisedFetch } from './client';
import { errorOf } from './errors';
import type { ApiErrorBody } from './types';

export type Result<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: ApiErrorBody };

/**
 * A call by path, for what the generated client cannot type: the command bodies built from JSON schemas at run time,
 * and routes newer than the generated types. The answer is the caller's claim about the route's contract.
 */
export async function call<T>(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Result<T>> {
  let res: Response;
  try {
    const init: RequestInit = { method, headers: { 'content-type': 'application/json', ...headers } };
    if (body !== undefined) init.body = JSON.stringify(body);
    res = await authorisedFetch(new Request(new URL(path, window.location.origin), init));
  } catch (e) {
    return {
      ok: false,
      status: 0,
      error: { code: 'NETWORK', message: `网络错误 / network error: ${e instanceof Error ? e.message : String(e)}` },
    };
  }
  const data: unknown = await res.json().catch(() => null);
  return res.ok ? { ok: true, status: res.status, data: data as T } : { ok: false, status: res.status, error: errorOf(data, res.status) };
}
