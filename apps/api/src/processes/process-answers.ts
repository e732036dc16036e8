import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ESCALATION_CASE_TYPE, type AnyCaseProcess } from '@qts/domain';
import type { CaseCommandResult } from '@qts/workflows';

/**
 * The other name some processes' answers give the case id besides `caseId`, kept because clients read it from before
 * the registry (escalations answered `escalationId`). The one per-process exception of the HTTP edge.
 */
const ID_ALIASES: Readonly<Partial<Record<string, string>>> = { [ESCALATION_CASE_TYPE]: 'escalationId' };

/** What an opening or a command answers over HTTP: the case, its stage, the events recorded (and the id's alias). */
export type ProcessCommandResult = CaseCommandResult & Partial<Record<string, unknown>>;

export function answerOf(process: AnyCaseProcess, result: CaseCommandResult): ProcessCommandResult {
  const alias = ID_ALIASES[process.caseType];
  return alias ? { ...result, [alias]: result.caseId } : { ...result };
}

/** The OpenAPI schema of that answer for one process. */
export function answerSchemaOf(process: AnyCaseProcess): SchemaObject {
  const alias = ID_ALIASES[process.caseType];
  return {
    type: 'object',
    required: ['caseId', 'stage', 'events', ...(alias ? [alias] : [])],
    properties: {
      caseId: { type: 'string' },
      ...(alias ? { [alias]: { type: 'string', description: '同 caseId / the same as caseId' } } : {}),
      stage: {
        type: 'string',
        description: '命令后的阶段（中文名见 GET /api/processes）/ the stage after the command (named in GET /api/processes)',
      },
      events: {
        type: 'array',
        items: { type: 'object', required: ['seq', 'type'], properties: { seq: { type: 'integer' }, type: { type: 'string' } } },
      },
    },
  };
}
