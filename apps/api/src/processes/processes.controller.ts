import { Controller, Get, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PROCESSES, commandTypesOf, permittedFor, type AnyCaseProcess, type Labels } from '@qts/domain';
import type { z } from 'zod';
import type { AuthenticatedRequest } from '../auth/authenticated-request';
import { Allow } from '../auth/permissions.decorator';
import { SIGNED_IN_ERRORS, Answers } from '../openapi/answers';
import { processesAnswer, type ProcessView } from './answers';

type CommandView = ProcessView['openings'][number];

function viewOf(process: AnyCaseProcess, permitted: readonly string[]): ProcessView {
  const label = (type: string): Labels => (process.commands.labels as Record<string, Labels | undefined>)[type] ?? { zh: type, en: type };
  const command = (type: string): CommandView => ({ type, labels: label(type), permitted: permitted.includes(type) });
  return {
    caseType: process.caseType,
    labels: process.labels,
    route: process.route,
    idPrefix: process.idPrefix,
    openings: commandTypesOf(process.commands.opening).map(command),
    commands: commandTypesOf(process.commands.running).map(command),
    stages: process.stages.all.map((stage) => ({ stage, labels: process.stages.label(stage) })),
    events: Object.entries(process.events.labels as Record<string, Labels>).map(([type, labels]) => ({ type, labels })),
  };
}

/** The registry as data: every process, its commands (and which this person may send), stages and events, in zh-CN. */
@ApiTags('流程 processes')
@ApiBearerAuth()
@Controller('api/processes')
export class ProcessesController {
  @Get()
  @Allow('account.self')
  @ApiOperation({ summary: '全部案件流程及其命令、阶段、事件的中文名 / every case process with its commands, stages and events' })
  @Answers(200, processesAnswer, SIGNED_IN_ERRORS)
  list(@Req() req: AuthenticatedRequest): z.output<typeof processesAnswer> {
    const principal = req.principal;
    const permitted = principal ? permittedFor(principal.roles, principal.section) : { actions: [] };
    return { processes: PROCESSES.map((p) => viewOf(p, (permitted as Record<string, string[] | undefined>)[p.caseType] ?? [])) };
  }
}
