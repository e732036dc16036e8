import { errorOf } from './errors';
import type { Result } from './raw';

/** An openapi-fetch answer as a Result (the error in the API's one shape). */
export async function typed<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<Result<T>> {
  try {
    const { data, error, response } = await pending;
    return data !== undefined && response.ok
      ? { ok: true, status: response.status, data }
      : { ok: false, status: response.status, error: errorOf(error, response.status) };
  } catch (e) {
    return {
      ok: false,
      status: 0,
      error: { code: 'NETWORK', message: `网络错误 / network error: ${e instanceof Error ? e.message : String(e)}` },
    };
  }
}
