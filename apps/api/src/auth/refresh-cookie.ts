import type { Request, Response } from 'express';

/** The browser keeps its refresh token in an HttpOnly cookie scoped to the sign-in routes: page scripts never see it. */
const REFRESH_COOKIE = 'qts_refresh';
const PATH = '/api/auth';

/** `always` behind a TLS-terminating proxy; `auto` follows the request (TLS, or a trusted proxy's X-Forwarded-Proto). */
export type CookieSecurity = 'auto' | 'always';

const secure = (req: Request, mode: CookieSecurity) => mode === 'always' || req.secure;

export function setRefreshCookie(req: Request, res: Response, token: string, maxAgeSeconds: number, mode: CookieSecurity): void {
  res.cookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: PATH,
    secure: secure(req, mode),
    maxAge: maxAgeSeconds * 1000,
  });
}

export function clearRefreshCookie(req: Request, res: Response, mode: CookieSecurity): void {
  res.clearCookie(REFRESH_COOKIE, { httpOnly: true, sameSite: 'strict', path: PATH, secure: secure(req, mode) });
}

export function refreshCookieOf(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === REFRESH_COOKIE) return decodeURIComponent(part.slice(at + 1).trim());
  }
  return undefined;
}
