import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@qts/domain';
import type { CommandResult } from '@qts/workflows';
import { CurrentActor } from '../actor/actor.decorator';
import { OpenPenaltyCaseDto, PenaltyCaseCommandDto } from './penalty-cases.dto';
import { PenaltyCasesService } from './penalty-cases.service';

@ApiTags('行政处罚案件 penalty cases')
@ApiHeader({ name: 'x-actor-id', required: true })
@ApiHeader({ name: 'x-actor-role', required: true, description: 'officer | section_chief | bureau_head | case_review_committee' })
@Controller('api/penalty-cases')
export class PenaltyCasesController {
  constructor(private readonly cases: PenaltyCasesService) {}

  @Post()
  @ApiOperation({ summary: '立案前登记线索或当场处罚 / open a case: RegisterLead or OpenSummaryCase' })
  open(@Body() body: OpenPenaltyCaseDto, @CurrentActor() actor: Actor): Promise<CommandResult> {
    return this.cases.open(body, actor);
  }

  @Post(':caseId/commands')
  @HttpCode(200)
  @ApiOperation({ summary: '办案命令 / send a command to the case; a refusal is 4xx with the reason and changes nothing' })
  send(@Param('caseId') caseId: string, @Body() body: PenaltyCaseCommandDto, @CurrentActor() actor: Actor): Promise<CommandResult> {
    return this.cases.send(caseId, body, actor);
  }
}
