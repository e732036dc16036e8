import { IDEMPOTENCY_KEY_HEADER, IdempotencyKey } from '../temporal/idempotency-key';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodValidationPipe } from 'nestjs-zod';
import {
  penaltyCaseCommandSchema,
  penaltyOpeningCommandSchema,
  type Actor,
  type PenaltyCaseCommand,
  type PenaltyOpeningCommand,
} from '@qts/domain';
import type { CommandResult } from '@qts/workflows';
import { CurrentActor } from '../actor/actor.decorator';
import { CaseCommand } from '../auth/permissions.decorator';
import { openApiSchema } from '../openapi-schema';
import { PenaltyCasesService } from './penalty-cases.service';

@ApiTags('行政处罚案件 penalty cases')
@ApiBearerAuth()
@Controller('api/penalty-cases')
export class PenaltyCasesController {
  constructor(private readonly cases: PenaltyCasesService) {}

  @Post()
  @CaseCommand('penalty')
  @ApiOperation({ summary: '登记案源或当场处罚 / open a case: RegisterLead (一般程序) or OpenSummaryCase (简易程序)' })
  @ApiBody({ schema: openApiSchema(penaltyOpeningCommandSchema) })
  open(
    @Body(new ZodValidationPipe(penaltyOpeningCommandSchema)) body: PenaltyOpeningCommand,
    @CurrentActor() actor: Actor,
  ): Promise<CommandResult> {
    return this.cases.open(body, actor);
  }

  @Post(':caseId/commands')
  @CaseCommand('penalty', { caseParam: 'caseId' })
  @HttpCode(200)
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiOperation({ summary: '办案命令 / send a command; a refusal is 4xx with the reason and changes nothing' })
  @ApiBody({ schema: openApiSchema(penaltyCaseCommandSchema) })
  send(
    @Param('caseId') caseId: string,
    @Body(new ZodValidationPipe(penaltyCaseCommandSchema)) body: PenaltyCaseCommand,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<CommandResult> {
    return this.cases.send(caseId, body, actor, idempotencyKey);
  }
}
