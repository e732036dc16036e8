import { applyDecorators } from '@nestjs/common';
import { ApiResponse, type ApiResponseOptions } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { z } from 'zod';
import { openApiAnswerSchema } from '../openapi-schema';

/** The one error shape of every 4xx/5xx answer (errors/api-error.ts ErrorBody). */
export const ERROR_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['code', 'message', 'details', 'correlationId'],
  properties: {
    code: { type: 'string', description: '机器可读原因 / machine-readable reason, e.g. WRONG_STAGE' },
    message: { type: 'string', description: '中文 / English' },
    details: { description: '原因的细节（字段、期限等）/ the reason in detail (fields, limits…)' },
    correlationId: { type: 'string' },
  },
};

const ERRORS = {
  400: '请求不合法（地址或参数中的文字、字段、JSON）：指明位置 / invalid request: the URL text, parameter, field or JSON problem is named',
  401: '未登录或会话已失效 / not signed in, or the session ended',
  403: '无权办理 / not permitted (role, section, certificate)',
  404: '不存在 / no such resource',
  409: '与现状冲突 / conflicts with the current state',
  413: '请求体过大 / the request body is larger than allowed',
  415: '请求体须为 UTF-8 JSON / the body must be UTF-8 JSON',
  422: '办案规则拒绝 / refused by the rules',
  429: '尝试过多，稍后再试（Retry-After）/ too many attempts: retry after the time given',
  503: '依赖的服务暂不可用 / a service it needs is unavailable',
} as const;
export type ErrorStatus = keyof typeof ERRORS;

/** What any route taking a JSON body can answer before its handler runs: bad JSON or field, too large, not UTF-8. */
export const BODY_ERRORS = [400, 413, 415] as const satisfies readonly ErrorStatus[];
/** What any route that needs a signed-in person with a permission can answer. */
export const SIGNED_IN_ERRORS = [401, 403] as const satisfies readonly ErrorStatus[];

/** The error answers of a route, each in the one shape; `descriptions` says what a status means on this route. */
export function errorResponses(
  statuses: readonly ErrorStatus[],
  descriptions: Partial<Record<ErrorStatus, string>> = {},
): ApiResponseOptions[] {
  return [...new Set(statuses)].map((status) => ({ status, description: descriptions[status] ?? ERRORS[status], schema: ERROR_SCHEMA }));
}

export interface AnswerOptions {
  description?: string;
  /** per-status meaning on this route, instead of the general one */
  errors?: Partial<Record<ErrorStatus, string>>;
}

/**
 * A route's answers in OpenAPI: the success status with the schema of its body (the zod schema the handler's return
 * type is checked against: `Promise<z.output<typeof schema>>`) and every 4xx/5xx it really gives, in the error shape.
 * 400 is always among them: text in any URL is checked before the route is (errors/unstorable-url.ts).
 */
export function Answers(status: number, schema: z.ZodType, errors: readonly ErrorStatus[], options: AnswerOptions = {}) {
  return applyDecorators(
    ApiResponse({ status, description: options.description ?? '成功 / success', schema: openApiAnswerSchema(schema) }),
    ...errorResponses([400, ...errors], options.errors).map((r) => ApiResponse(r)),
  );
}
