import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ZodValidationPipe } from 'nestjs-zod';
import { z } from 'zod';
import { queryFlag } from '../openapi/query-params';
import { PROCESSES, sectionSchema } from '@qts/domain';
import { ApiError } from '../errors/api-error';
import { Allow } from '../auth/permissions.decorator';
import type { AuthenticatedRequest } from '../auth/authenticated-request';
import { SIGNED_IN_ERRORS, Answers } from '../openapi/answers';
import { casePageAnswer } from '../cases/answers';
import { deskCountsAnswer, inboxAnswer, movesAnswer, stalledPageAnswer } from './answers';
import { DeskService } from './desk.service';
import { InboxService } from './inbox.service';

function principalOf(req: AuthenticatedRequest) {
  if (!req.principal) throw new ApiError(401, 'AUTH_REQUIRED', '请先登录 / sign in first');
  return req.principal;
}

const int = z.coerce.number().int().nonnegative();
const caseTypes = PROCESSES.map((p) => p.caseType) as [string, ...string[]];
const stalledQuery = z.strictObject({
  process: z.enum(caseTypes).optional(),
  section: sectionSchema.optional(),
  limit: int.optional(),
  offset: int.optional(),
});
const casesQuery = z.strictObject({
  process: z.enum(caseTypes).optional(),
  stage: z.string().min(1).optional(),
  section: sectionSchema.optional(),
  age: z.enum(['0-7', '8-30', '31-90', '>90']).optional(),
  overdue: queryFlag.optional(),
  limit: int.optional(),
  offset: int.optional(),
});
const inboxQuery = z.strictObject({ section: sectionSchema.optional() });

/** Whose move, what is stalled and why, the desk's counts and the inbox (issue 14). */
@ApiTags('办案台 desk and inbox')
@ApiBearerAuth()
@Controller('api')
@Allow('cases.read')
export class DeskController {
  constructor(
    private readonly desk: DeskService,
    private readonly inboxes: InboxService,
  ) {}

  @Get('cases/:caseId/moves')
  @ApiOperation({
    summary:
      '该案现在可办理的命令：谁可发送（角色、科室）、当前登录人可否发送、截止日期及依据 / the commands the case accepts now, who may send each, by when',
  })
  @Answers(200, movesAnswer, [...SIGNED_IN_ERRORS, 404, 409], {
    errors: {
      403: '案件属其他科室且未获指派 CASE_NOT_VISIBLE / another section’s case, not assigned to you',
      404: '案件不存在 CASE_NOT_FOUND / no such case in the read model',
      409: '案件事件无法写入查询库 CASE_DAMAGED / the case’s events could not be projected',
    },
  })
  async moves(@Param('caseId') caseId: string, @Req() req: AuthenticatedRequest): Promise<z.output<typeof movesAnswer>> {
    return this.desk.moves(caseId, principalOf(req));
  }

  @Get('desk/stalled')
  @ApiOperation({
    summary:
      '停滞案件，停滞最久的在前：原因（期限届满、阶段停留超时、等待外部单位超时、技术故障）、起始日、须办理者 / stalled cases, worst first: why, since when, who must act',
  })
  @ApiQuery({ name: 'process', required: false, enum: caseTypes })
  @ApiQuery({ name: 'section', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  @Answers(200, stalledPageAnswer, [...SIGNED_IN_ERRORS])
  async stalled(
    @Query(new ZodValidationPipe(stalledQuery)) q: z.infer<typeof stalledQuery>,
    @Req() req: AuthenticatedRequest,
  ): Promise<z.output<typeof stalledPageAnswer>> {
    return this.desk.stalled(principalOf(req), q);
  }

  @Get('desk/counts')
  @ApiOperation({
    summary: '办案台统计：按流程、阶段、科室、立案天数（0–7、8–30、31–90、>90）的在办与逾期数，科室工作量与逾期率，按周序列 / desk counts',
  })
  @Answers(200, deskCountsAnswer, [...SIGNED_IN_ERRORS])
  async counts(): Promise<z.output<typeof deskCountsAnswer>> {
    return this.desk.counts();
  }

  @Get('desk/cases')
  @ApiOperation({
    summary: '办案台数字背后的在办案件（流程、阶段、科室、立案天数、是否逾期），最早到期的在前 / the open cases behind a desk figure',
  })
  @ApiQuery({ name: 'process', required: false, enum: caseTypes })
  @ApiQuery({ name: 'stage', required: false })
  @ApiQuery({ name: 'section', required: false })
  @ApiQuery({ name: 'age', required: false, enum: ['0-7', '8-30', '31-90', '>90'] })
  @ApiQuery({ name: 'overdue', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  @Answers(200, casePageAnswer, [...SIGNED_IN_ERRORS])
  async cases(
    @Query(new ZodValidationPipe(casesQuery)) q: z.infer<typeof casesQuery>,
    @Req() req: AuthenticatedRequest,
  ): Promise<z.output<typeof casePageAnswer>> {
    const { process, ...rest } = q;
    return this.desk.cases(principalOf(req), { ...rest, ...(process !== undefined ? { caseType: process } : {}) });
  }

  @Get('inbox')
  @ApiOperation({
    summary:
      '待办：当前登录人（或指定科室）下一步须办理的案件、命令及截止日期，最早到期的在前 / what the signed-in person (or a section) must do next, soonest due first',
  })
  @ApiQuery({ name: 'section', required: false, description: '科长查看本科室待办 / a chief’s view of the section' })
  @Answers(200, inboxAnswer, [...SIGNED_IN_ERRORS], {
    errors: { 403: '不能查看其他科室的待办 SECTION_NOT_VISIBLE / another section’s inbox' },
  })
  async inbox(
    @Query(new ZodValidationPipe(inboxQuery)) q: z.infer<typeof inboxQuery>,
    @Req() req: AuthenticatedRequest,
  ): Promise<z.output<typeof inboxAnswer>> {
    return this.inboxes.inbox(principalOf(req), q.section);
  }
}
