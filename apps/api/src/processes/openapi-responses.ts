import type { ApiResponseOptions } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** The one error shape of every 4xx/5xx answer. */
const ERROR_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['code', 'message', 'details', 'correlationId'],
  properties: {
    code: { type: 'string', description: '机器可读原因 / machine-readable reason, e.g. WRONG_STAGE' },
    message: { type: 'string', description: '中文 / English' },
    details: { type: 'object', additionalProperties: true },
    correlationId: { type: 'string' },
  },
};

const ERRORS: Record<number, string> = {
  400: '请求不合法（字段、未知命令 UNKNOWN_COMMAND）/ invalid body: the field or the unknown command type is named, with the known ones',
  401: '未登录 / not signed in',
  403: '无权办理 / not permitted (role, section, certificate)',
  404: '案件不存在（CASE_NOT_FOUND），或属另一流程（CASE_OF_ANOTHER_PROCESS，指明其地址）/ no such case, or a case of another process (its address named)',
  409: '办案规则拒绝（阶段、已结案、已开启）/ refused by the process rules (stage, closed, already open)',
  422: '办案规则拒绝 / refused by the process rules',
  503: 'Temporal 暂不可用，可带同一 Idempotency-Key 重发 / workflow service unavailable: resend with the same key',
};

/** The error answers of a route, each in the one shape. */
export function errorResponses(statuses: readonly (keyof typeof ERRORS)[]): ApiResponseOptions[] {
  return statuses.map((status) => ({ status, description: ERRORS[status] ?? String(status), schema: ERROR_SCHEMA }));
}
