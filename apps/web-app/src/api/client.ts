import createClient from 'openapi-fetch';
import type { paths } from './schema';
import { resumeSession, session } from '../shell/session';

/** The bearer token on every call; an expired token is refreshed once (refresh cookie) and the call repeated. */
export async function authorisedFetch(request: Request): Promise<Response> {
  const retry = request.clone();
  const send = (r: Request) => {
    const token = session.get()?.accessToken;
    if (token) r.headers.set('authorization', `Bearer ${token}`);
    return fetch(r);
  };
  const res = await send(request);
  if (res.status !== 401 || request.url.endsWith('/api/auth/logout')) return res;
  const body = (await res
    .clone()
    .json()
    .catch(() => ({}))) as { code?: string };
  if (body.code === 'TOKEN_EXPIRED' && (await resumeSession())) return send(retry);
  session.set(null);
  return res;
}

/** The typed API client: paths, bodies and answers from the OpenAPI document (src/api/schema.d.ts, generated). */
export const api = createClient<paths>({ baseUrl: window.location.origin, fetch: authorisedFetch });
