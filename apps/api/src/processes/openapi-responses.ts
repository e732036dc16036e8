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

/** What a case command answers. */
export const COMMAND_RESULT_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['caseId', 'stage', 'events'],
  properties: {
    caseId: { type: 'string' },
    escalationId: { type: 'string', description: '上报：同 caseId / escalations only: the same as caseId' },
    stage: { type: 'string' },
    events: {
      type: 'array',
      items: { type: 'object', required: ['seq', 'type'], properties: { seq: { type: 'integer' }, type: { type: 'string' } } },
    },
  },
};

export const ERROR_RESPONSES: ApiResponseOptions[] = [
  { status: 400, description: '请求不合法（字段、未知命令）/ invalid body: the field and the reason are named', schema: ERROR_SCHEMA },
  { status: 401, description: '未登录 / not signed in', schema: ERROR_SCHEMA },
  { status: 403, description: '无权办理 / not permitted (role, section, certificate)', schema: ERROR_SCHEMA },
  { status: 404, description: '案件不存在 / no such case', schema: ERROR_SCHEMA },
  { status: 409, description: '办案规则拒绝（阶段、期限等）/ refused by the process rules (stage, dates…)', schema: ERROR_SCHEMA },
  { status: 422, description: '办案规则拒绝 / refused by the process rules', schema: ERROR_SCHEMA },
  {
    status: 503,
    description: 'Temporal 暂不可用，可带同一 Idempotency-Key 重发 / workflow service unavailable: resend with the same key',
    schema: ERROR_SCHEMA,
  },
];
