import type { ApiErrorBody } from './types';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** An error answer in the API's one shape, or a plain one built from the status when the body is not that shape. */
export function errorOf(body: unknown, status: number): ApiErrorBody {
  if (isObject(body) && typeof body['code'] === 'string' && typeof body['message'] === 'string') {
    return { code: body['code'], message: body['message'], details: body['details'] };
  }
  return { code: `HTTP_${status}`, message: `请求失败（${status}）/ request failed (${status})` };
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(`${body.code}: ${body.message}`);
  }
}
