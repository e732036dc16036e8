import { Body, Controller, HttpCode, Inject, Param, Post, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ZodValidationPipe } from 'nestjs-zod';
import { PROCESSES, commandTypesOf, type Actor, type AnyCaseProcess } from '@qts/domain';
import { CurrentActor } from '../actor/actor.decorator';
import { CaseCommand } from '../auth/permissions.decorator';
import { openApiSchema } from '../openapi-schema';
import { IDEMPOTENCY_KEY_HEADER, IdempotencyKey } from '../temporal/idempotency-key';
import { BODY_ERRORS, errorResponses } from '../openapi/answers';
import { answerSchemaOf, type ProcessCommandResult } from './process-answers';
import { ProcessCommandsService } from './process-commands.service';

type Command = { type: string } & Record<string, unknown>;

const PROCESS_409 = '办案规则拒绝（阶段、已结案、已开启）/ refused by the process rules (stage, closed, already open)';
const PROCESS_ERRORS = {
  400: '请求不合法（字段、未知命令 UNKNOWN_COMMAND）/ invalid body: the field or the unknown command type is named, with the known ones',
  404: '案件不存在（CASE_NOT_FOUND），或属另一流程（CASE_OF_ANOTHER_PROCESS，指明其地址）/ no such case, or a case of another process (its address named)',
  409: PROCESS_409,
  503: 'Temporal 暂不可用，可带同一 Idempotency-Key 重发 / workflow service unavailable: resend with the same key',
} as const;

/** The labels of some commands, for the operation summaries: 中文名 Type、… */
function commandList(process: AnyCaseProcess, schema: 'opening' | 'running'): string {
  const labels = process.commands.labels as Record<string, { zh: string } | undefined>;
  return commandTypesOf(process.commands[schema])
    .map((type) => `${labels[type]?.zh ?? type} ${type}`)
    .join('、');
}

/**
 * The HTTP edge of one registered process: `POST /api/{route}` opens a case, `POST /api/{route}/:id/commands` sends a
 * command. Built from the registry at start-up (one class per process, so routes and OpenAPI are static and exact).
 */
function processController(process: AnyCaseProcess): Type<unknown> {
  class ProcessCommandsController {
    constructor(@Inject(ProcessCommandsService) private readonly commands: ProcessCommandsService) {}

    open(body: Command, actor: Actor): Promise<ProcessCommandResult> {
      return this.commands.open(process, body, actor);
    }

    send(id: string, body: Command, actor: Actor, idempotencyKey: string | undefined): Promise<ProcessCommandResult> {
      return this.commands.send(process, id, body, actor, idempotencyKey);
    }
  }
  const proto = ProcessCommandsController.prototype;
  const method = (name: 'open' | 'send', decorators: MethodDecorator[]) => {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (!descriptor) throw new Error(`no ${name} on the process controller`);
    for (const d of decorators.reverse()) d(proto, name, descriptor);
    Object.defineProperty(proto, name, descriptor);
  };
  const accepted = (status: number) =>
    ApiResponse({ status, description: '已受理 / accepted: the case, its stage, the events recorded', schema: answerSchemaOf(process) });

  method('open', [
    Post(),
    CaseCommand(process.caseType, 'opening'),
    ApiOperation({ summary: `${process.labels.zh}：开启 / open a ${process.labels.en} (${commandList(process, 'opening')})` }),
    ApiBody({ schema: openApiSchema(process.commands.opening) }),
    accepted(201),
    ...errorResponses([...BODY_ERRORS, 401, 403, 409, 422], { 409: PROCESS_409 }).map((r) => ApiResponse(r)),
  ]);
  Body(new ZodValidationPipe(process.commands.opening))(proto, 'open', 0);
  CurrentActor()(proto, 'open', 1);

  method('send', [
    Post(':id/commands'),
    CaseCommand(process.caseType, 'running', { caseParam: 'id' }),
    HttpCode(200),
    ApiHeader(IDEMPOTENCY_KEY_HEADER),
    ApiParam({ name: 'id', description: `${process.labels.zh}编号 / the case id (${process.idPrefix}-YYYYMMDD-xxxxxxxx)` }),
    ApiOperation({
      summary: `${process.labels.zh}：办理命令 / send a command (${commandList(process, 'running')}); a refusal is 4xx with the reason and changes nothing`,
    }),
    ApiBody({ schema: openApiSchema(process.commands.running) }),
    accepted(200),
    ...errorResponses([...BODY_ERRORS, 401, 403, 404, 409, 422, 503], PROCESS_ERRORS).map((r) => ApiResponse(r)),
  ]);
  Param('id')(proto, 'send', 0);
  Body(new ZodValidationPipe(process.commands.running))(proto, 'send', 1);
  CurrentActor()(proto, 'send', 2);
  IdempotencyKey()(proto, 'send', 3);

  Object.defineProperty(ProcessCommandsController, 'name', { value: `${process.idPrefix}ProcessCommandsController` });
  ApiTags(`${process.labels.zh} ${process.labels.en}`)(ProcessCommandsController);
  ApiBearerAuth()(ProcessCommandsController);
  Controller(`api/${process.route}`)(ProcessCommandsController);
  return ProcessCommandsController;
}

/** One controller per registered process. */
export const PROCESS_CONTROLLERS = PROCESSES.map(processController);
