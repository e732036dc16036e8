import { IDEMPOTENCY_KEY_HEADER, IdempotencyKey } from '../temporal/idempotency-key';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ZodValidationPipe } from 'nestjs-zod';
import { z } from 'zod';
import {
  BOUNDARY_MATTERS,
  escalationCaseCommandSchema,
  escalationOpeningCommandSchema,
  proposeOwningDepartments,
  type Actor,
  type EscalationCaseCommand,
  type EscalationOpeningCommand,
} from '@qts/domain';
import type { EscalationCommandResult } from '@qts/workflows';
import { CurrentActor } from '../actor/actor.decorator';
import { Allow, CaseCommand } from '../auth/permissions.decorator';
import { openApiSchema } from '../openapi-schema';
import { ReadModelService } from '../cases/read-model.service';
import { EscalationsService } from './escalations.service';

const listQuery = z.object({
  target: z.enum(['city_bureau', 'province', 'cnca', 'police', 'peer_department']).optional(),
  stage: z.string().min(1).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});
const routingBody = z.object({ matter: z.enum(BOUNDARY_MATTERS), finding: z.string().min(1) });

@ApiTags('上报与移送 escalations')
@ApiBearerAuth()
@Controller('api/escalations')
export class EscalationsController {
  constructor(
    private readonly escalations: EscalationsService,
    private readonly readModel: ReadModelService,
  ) {}

  @Post()
  @CaseCommand('escalation')
  @ApiOperation({ summary: '拟稿上报/移送 / open an escalation (city bureau, province, CNCA level by level, police, peer department)' })
  @ApiBody({ schema: openApiSchema(escalationOpeningCommandSchema) })
  open(
    @Body(new ZodValidationPipe(escalationOpeningCommandSchema)) body: EscalationOpeningCommand,
    @CurrentActor() actor: Actor,
  ): Promise<EscalationCommandResult> {
    return this.escalations.open(body, actor);
  }

  @Post(':escalationId/commands')
  @CaseCommand('escalation', { caseParam: 'escalationId' })
  @HttpCode(200)
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiOperation({ summary: '上报命令（报送、登记回执、转报、决定、撤回、重报）/ send a command to the escalation' })
  @ApiBody({ schema: openApiSchema(escalationCaseCommandSchema) })
  send(
    @Param('escalationId') escalationId: string,
    @Body(new ZodValidationPipe(escalationCaseCommandSchema)) body: EscalationCaseCommand,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<EscalationCommandResult> {
    return this.escalations.send(escalationId, body, actor, idempotencyKey);
  }

  @Get()
  @Allow('cases.read')
  @ApiOperation({ summary: '在办上报（按目标、层级），逾期的在前 / open escalations by target and level, overdue first' })
  @ApiQuery({ name: 'target', required: false })
  @ApiQuery({ name: 'stage', required: false, description: 'e.g. submitted:province, acknowledged:cnca' })
  @ApiQuery({ name: 'overdue', required: false, enum: ['true', 'false'] })
  list(@Query(new ZodValidationPipe(listQuery)) q: z.infer<typeof listQuery>) {
    return this.readModel.listCases({
      caseType: 'escalation',
      procedure: q.target,
      stage: q.stage,
      overdue: q.overdue,
      closed: false,
      limit: q.limit,
      offset: q.offset,
    });
  }

  @Post('routing')
  @Allow('escalations.route')
  @HttpCode(200)
  @ApiOperation({ summary: '职责边界：建议主管部门（供执法人员确认）/ propose the owning department(s) per the boundary table' })
  @ApiBody({ schema: openApiSchema(routingBody) })
  routing(@Body(new ZodValidationPipe(routingBody)) body: z.infer<typeof routingBody>) {
    return proposeOwningDepartments(body.matter, body.finding);
  }
}
