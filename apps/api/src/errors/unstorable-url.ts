import type { NextFunction, Request, Response } from 'express';
import { unstorableText } from '@qts/domain';
import { ApiError } from './api-error';

/** Every string of a parsed query, keys and values at any depth, with where it sits (`query.type`). */
function* queryStrings(value: unknown, at: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [at, value];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* queryStrings(item, `${at}.${i}`);
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) {
      yield [`${at}.${key}`, key];
      yield* queryStrings(item, `${at}.${key}`);
    }
}

function* pathSegments(path: string): Generator<[string, string]> {
  for (const [i, segment] of path.split('/').entries()) {
    try {
      yield [`path.${i}`, decodeURIComponent(segment)];
    } catch {
      // not valid percent-encoding: the router refuses it with 400 itself
    }
  }
}

/**
 * Text in the URL is checked at the edge like text in a body: a path segment or query value with a character
 * PostgreSQL cannot store (NUL) or a printed document cannot hold is refused with 400 naming where it is, before any
 * guard or handler looks it up.
 */
export function refuseUnstorableUrl(req: Request, _res: Response, next: NextFunction): void {
  for (const [where, text] of [...pathSegments(req.path), ...queryStrings(req.query, 'query')]) {
    const why = unstorableText(text);
    if (why) {
      next(new ApiError(400, 'INVALID_REQUEST', `${where}: ${why}`, [{ path: where, message: why, code: 'unstorable_text' }]));
      return;
    }
  }
  next();
}
