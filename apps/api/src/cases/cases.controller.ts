import { Controller, Get, Inject, Param, Query, Req } from '@nestjs/common';
import type { AppConfig } from '@qts/config';
import { APP_CONFIG } from '@qts/nest-support';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ZodValidationPipe } from 'nestjs-zod';
import { z } from 'zod';
import { queryFlag } from '../openapi/query-params';
import { isoDateSchema, sectionSchema } from '@qts/domain';
import { ApiError } from '../errors/api-error';
import { amountDueView } from './amount-due-view';
import { ReadModelService } from './read-model.service';
import { ProjectionWaiter } from './projection-waiter';
import { Allow } from '../auth/permissions.decorator';
import type { AuthenticatedRequest } from '../auth/authenticated-request';
import { ReadAccess } from './read-access.service';
import { SIGNED_IN_ERRORS, Answers } from '../openapi/answers';
import { caseAnswer, casePageAnswer, noticePageAnswer } from './answers';

function principalOf(req: AuthenticatedRequest) {
  if (!req.principal) throw new ApiError(401, 'AUTH_REQUIRED', '请先登录 / sign in first');
  return req.principal;
}

const int = z.coerce.number().int().nonnegative();

const caseQuery = z.object({
  asOf: isoDateSchema.optional(),
  untilSeq: z.coerce.number().int().min(1).max(1_000_000_000).optional(),
});
const listQuery = z.object({
  type: z.string().min(1).optional(),
  stage: z.string().min(1).optional(),
  section: sectionSchema.optional(),
  overdue: queryFlag.optional(),
  closed: queryFlag.optional(),
  limit: int.optional(),
  offset: int.optional(),
});
const noticeQuery = z.object({
  caseId: z.string().min(1).optional(),
  recipientRole: z.enum(['officer', 'section_chief', 'bureau_head']).optional(),
  recipientId: z.string().min(1).max(100).optional(),
  level: z.enum(['approaching', 'missed']).optional(),
  section: sectionSchema.optional(),
  limit: int.optional(),
  offset: int.optional(),
});

@ApiTags('案件查询 case reads')
@ApiBearerAuth()
@Controller('api')
@Allow('cases.read')
export class CasesController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly readModel: ReadModelService,
    private readonly access: ReadAccess,
    private readonly projection: ProjectionWaiter,
  ) {}

  @Get('cases/:caseId')
  @ApiOperation({
    summary: '案件详情：阶段、时间线、未届满期限（附法律依据）、应缴金额 / a case: state, timeline, open deadlines, amount due',
  })
  @ApiQuery({ name: 'asOf', required: false, description: 'amount due on this date (YYYY-MM-DD), today by default' })
  @ApiQuery({
    name: 'untilSeq',
    required: false,
    description:
      '等查询库显示到该事件序号再答（至多 API_PROJECTION_WAIT_SECONDS 秒）/ wait until the read model shows this event of the case (at most API_PROJECTION_WAIT_SECONDS), then answer what it has: compare `lastSeq`',
  })
  @Answers(200, caseAnswer, [400, ...SIGNED_IN_ERRORS, 404, 409], {
    errors: {
      403: '案件属其他科室且未获指派 CASE_NOT_VISIBLE / another section’s case, not assigned to you',
      404: '案件不存在 CASE_NOT_FOUND / no such case in the read model',
      409: '案件事件无法写入查询库 CASE_DAMAGED / the case’s events could not be projected',
    },
  })
  async getCase(
    @Param('caseId') caseId: string,
    @Query(new ZodValidationPipe(caseQuery)) query: z.infer<typeof caseQuery>,
    @Req() req: AuthenticatedRequest,
  ): Promise<z.output<typeof caseAnswer>> {
    // read your own writes: a command's answer names its events' seqs, the case page waits for the last one here
    if (query.untilSeq !== undefined) await this.projection.until(caseId, query.untilSeq, this.config.api.projectionWaitSeconds * 1000);
    const [found, [damaged]] = await Promise.all([this.readModel.getCase(caseId), this.readModel.damaged(caseId)]);
    if (!found && damaged)
      throw new ApiError(
        409,
        'CASE_DAMAGED',
        `案件 ${caseId} 的事件无法写入查询库（${damaged.events} 个），已通知管理员 / the case's events could not be projected: ${damaged.reason}`,
        { damaged },
      );
    if (!found)
      throw new ApiError(404, 'CASE_NOT_FOUND', `案件 ${caseId} 不存在（或尚未进入查询库）/ no such case in the read model`, { caseId });
    const shown = await this.access.shown(principalOf(req), found);
    // later events of a damaged case are missing here: the page says so rather than showing a case frozen in time
    return { ...shown, damaged: damaged ?? null, amountDue: amountDueView(found.caseType, found.state, query.asOf) };
  }

  @Get('cases')
  @ApiOperation({ summary: '案件列表（类型、阶段、科室、是否逾期）/ list cases, overdue first' })
  @ApiQuery({ name: 'type', required: false })
  @ApiQuery({ name: 'stage', required: false })
  @ApiQuery({ name: 'section', required: false })
  @ApiQuery({ name: 'overdue', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'closed', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  @Answers(200, casePageAnswer, [400, ...SIGNED_IN_ERRORS])
  async list(
    @Query(new ZodValidationPipe(listQuery)) q: z.infer<typeof listQuery>,
    @Req() req: AuthenticatedRequest,
  ): Promise<z.output<typeof casePageAnswer>> {
    const visibleTo = await this.access.visibleTo(principalOf(req));
    return this.readModel.listCases({
      ...(visibleTo ? { visibleTo } : {}),
      caseType: q.type,
      stage: q.stage,
      section: q.section,
      overdue: q.overdue,
      closed: q.closed,
      limit: q.limit,
      offset: q.offset,
    });
  }

  @Get('notices')
  @ApiOperation({ summary: '督办通知与提醒（承办人员、科长、局长）/ notices and reminders, newest first' })
  @ApiQuery({ name: 'caseId', required: false })
  @ApiQuery({ name: 'recipientRole', required: false, enum: ['officer', 'section_chief', 'bureau_head'] })
  @ApiQuery({ name: 'recipientId', required: false, description: 'notices naming this person (an officer’s reminders)' })
  @ApiQuery({ name: 'level', required: false, enum: ['approaching', 'missed'] })
  @ApiQuery({ name: 'section', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  @Answers(200, noticePageAnswer, [400, ...SIGNED_IN_ERRORS])
  async notices(
    @Query(new ZodValidationPipe(noticeQuery)) q: z.infer<typeof noticeQuery>,
    @Req() req: AuthenticatedRequest,
  ): Promise<z.output<typeof noticePageAnswer>> {
    const visibleTo = await this.access.visibleTo(principalOf(req));
    return this.readModel.listNotices({ ...q, ...(visibleTo ? { visibleTo } : {}) });
  }
}
