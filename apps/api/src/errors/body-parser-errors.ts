import type { NextFunction, Request, Response } from 'express';
import { ApiError } from './api-error';

/** What the JSON body parser refuses (too large, not JSON, wrong charset), as an ApiError; null for anything else. */
function bodyParserError(exception: unknown): ApiError | null {
  const e = exception as { type?: unknown; limit?: unknown; length?: unknown } | null;
  const type = typeof e?.type === 'string' ? e.type : undefined;
  if (type === 'entity.too.large') {
    const limit = typeof e?.limit === 'number' ? e.limit : undefined;
    return new ApiError(
      413,
      'PAYLOAD_TOO_LARGE',
      `请求体过大（上限 ${limit ?? '?'} 字节）/ the request body is larger than the ${limit ?? ''} bytes allowed`,
      { limitBytes: limit, lengthBytes: typeof e?.length === 'number' ? e.length : undefined },
    );
  }
  if (type === 'entity.parse.failed')
    return new ApiError(400, 'INVALID_JSON', '请求体不是合法的 JSON / the request body is not valid JSON');
  if (type === 'charset.unsupported' || type === 'encoding.unsupported' || type === 'entity.verify.failed')
    return new ApiError(415, 'UNSUPPORTED_ENCODING', '请求体须为 UTF-8 JSON / the body must be UTF-8 JSON');
  return null;
}

/**
 * Placed right after the body parser: its refusals become ApiErrors, which the exception filter answers in the one
 * shape (Nest would otherwise turn a JSON syntax error into a bare 400 with the parser's own message).
 */
export function bodyParserErrors(err: unknown, _req: Request, _res: Response, next: NextFunction): void {
  next(bodyParserError(err) ?? err);
}
