import type { Request, Response } from 'express';
import { ApiError } from '../../../apps/api/src/errors/api-error';
import { refuseUnstorableUrl } from '../../../apps/api/src/errors/unstorable-url';

function verdict(path: string, query: unknown): unknown {
  let passed: unknown = 'not called';
  refuseUnstorableUrl({ path, query } as unknown as Request, {} as Response, (err?: unknown) => {
    passed = err;
  });
  return passed;
}

/** A NUL in a query reached PostgreSQL and answered 500 (GET /api/cases?type=a%00b, /api/audit/verify?caseId=…). */
describe('text in a URL is checked at the edge', () => {
  it('lets ordinary paths and queries through, Chinese included', () => {
    expect(verdict('/api/cases/PEN-20261204-72bf106b', { type: 'penalty', stage: '立案' })).toBeUndefined();
    expect(verdict('/api/cases', { limit: ['1', '2'], nested: { a: 'b' } })).toBeUndefined();
    // not valid percent-encoding: left to the router, which answers 400 itself
    expect(verdict('/api/users/%C0%80', {})).toBeUndefined();
  });

  it.each([
    ['a NUL in a query value', '/api/cases', { type: 'a\u0000b' }, 'query.type'],
    ['a control character in a query key', '/api/cases', { 'a\u001bb': 'x' }, 'query.a\u001bb'],
    ['a lone surrogate in a repeated value', '/api/cases', { stage: ['ok', '\ud800'] }, 'query.stage.1'],
    ['an encoded NUL in a path segment', '/api/cases/a%00b', {}, 'path.3'],
  ])('refuses %s with 400 naming where it is', (_, path, query, where) => {
    const err = verdict(path, query);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 400, code: 'INVALID_REQUEST', details: [{ path: where, code: 'unstorable_text' }] });
  });
});
