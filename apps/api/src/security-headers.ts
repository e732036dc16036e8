import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/** The pages' policy: scripts, styles and data only from this origin; no framing; no plugins. */
const PAGES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const pages = helmet({
  contentSecurityPolicy: { directives: PAGES },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
});
// the OpenAPI explorer (swagger-ui) initialises itself with inline script and style
const explorer = helmet({
  contentSecurityPolicy: { directives: { ...PAGES, scriptSrc: ["'self'", "'unsafe-inline'"], styleSrc: ["'self'", "'unsafe-inline'"] } },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
});

/**
 * Security headers on every answer (Content-Security-Policy, X-Content-Type-Options, X-Frame-Options and
 * frame-ancestors, Referrer-Policy, HSTS), and `Cache-Control: no-store` on every API answer: case files and sign-in
 * answers carry personal data and tokens that no cache may keep.
 */
export function securityHeaders() {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.path.startsWith('/api/')) res.setHeader('Cache-Control', 'no-store');
    (req.path.startsWith('/api/docs') ? explorer : pages)(req, res, next);
  };
}

/** API_TRUST_PROXY as Express takes it: false, 'loopback', or a hop count. */
export function trustProxySetting(value: string): boolean | string | number {
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
