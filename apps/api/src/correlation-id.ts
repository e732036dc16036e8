import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const HEADER = 'x-correlation-id';
const KEY = Symbol('correlationId');

type WithId = Request & { [KEY]?: string };

/** Accepts a caller's correlation id (or makes one) and echoes it on the response. */
export function correlationIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const given = req.header(HEADER);
  const id = given && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
  (req as WithId)[KEY] = id;
  res.setHeader(HEADER, id);
  next();
}

export function correlationIdOf(req: Request): string {
  return (req as WithId)[KEY] ?? 'unknown';
}
