import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ZodValidationPipe } from 'nestjs-zod';
import { z } from 'zod';
import { queryFlag } from '../openapi/query-params';
import type { AppConfig } from '@qts/config';
import { APP_CONFIG, PgPool } from '@qts/nest-support';
import { ACCIDENT_GRADES, ACCIDENT_KINDS, LEAD_BODIES, hourLimitSchema } from '@qts/domain';
import { listAccidents } from '@qts/read-model';
import { Allow } from '../auth/permissions.decorator';
import type { AuthenticatedRequest } from '../auth/authenticated-request';
import { ReadAccess } from '../cases/read-access.service';
import { caseSummaryAnswer } from '../cases/answers';
import { Answers, SIGNED_IN_ERRORS } from '../openapi/answers';

const accidentQuery = z.strictObject({
  grade: z.enum(ACCIDENT_GRADES).optional(),
  includeClosed: queryFlag.optional(),
});

/** What GET /api/accidents answers: the open accidents, a report upward overdue first, then by grade. */
const accidentListAnswer = z.object({
  items: z.array(
    caseSummaryAnswer.extend({
      kind: z.enum(ACCIDENT_KINDS),
      grade: z.enum(ACCIDENT_GRADES).nullable().describe('事故等级，界定前为 null / grade, null before triage'),
      lead: z.enum(LEAD_BODIES).nullable().describe('组织调查的机关 / who leads the investigation'),
      receivedAt: z.string().nullable(),
      hoursSinceReport: z.number().int().nullable().describe('接报至今小时数 / hours since the report was received'),
      reportsOwed: z.array(hourLimitSchema).describe('尚未完成的上报（按时限先后）/ reports upward still owed, soonest first'),
      reportOverdue: z.boolean().describe('有上报已超过时限 / a report upward is past its hour limit'),
    }),
  ),
  total: z.number().int(),
});

/** 事故调查: the bureau's open accidents, the ones whose report upward is late first. */
@ApiTags('事故调查 accidents')
@ApiBearerAuth()
@Controller('api/accidents')
@Allow('cases.read')
export class AccidentsController {
  private readonly schema: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly db: PgPool,
    private readonly access: ReadAccess,
  ) {
    this.schema = config.database.readModelSchema;
  }

  @Get()
  @ApiOperation({
    summary:
      '事故列表：上报超时的在前，再按等级、接报先后（附接报至今小时数、尚欠的上报）/ open accidents: overdue reports upward first, then by grade',
  })
  @ApiQuery({ name: 'grade', required: false, enum: ACCIDENT_GRADES })
  @ApiQuery({ name: 'includeClosed', required: false, enum: ['true', 'false'] })
  @Answers(200, accidentListAnswer, [400, ...SIGNED_IN_ERRORS])
  async list(
    @Query(new ZodValidationPipe(accidentQuery)) q: z.infer<typeof accidentQuery>,
    @Req() req: AuthenticatedRequest,
  ): Promise<z.output<typeof accidentListAnswer>> {
    const visibleTo = await this.access.visibleToReader(req);
    const items = await listAccidents(this.db.pool, this.schema, {
      ...(q.grade !== undefined ? { grade: q.grade } : {}),
      ...(q.includeClosed !== undefined ? { includeClosed: q.includeClosed } : {}),
      ...(visibleTo ? { visibleTo } : {}),
    });
    return { items, total: items.length };
  }
}
