import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ZodValidationPipe } from 'nestjs-zod';
import { z } from 'zod';
import { queryFlag } from '../openapi/query-params';
import type { AppConfig } from '@qts/config';
import { APP_CONFIG, PgPool } from '@qts/nest-support';
import { RECALL_RISK_LEVELS } from '@qts/domain';
import { listRecalls } from '@qts/read-model';
import { Allow } from '../auth/permissions.decorator';
import type { AuthenticatedRequest } from '../auth/authenticated-request';
import { ReadAccess } from '../cases/read-access.service';
import { caseSummaryAnswer } from '../cases/answers';
import { Answers, SIGNED_IN_ERRORS } from '../openapi/answers';

const recallQuery = z.strictObject({
  risk: z.enum(RECALL_RISK_LEVELS).optional(),
  includeClosed: queryFlag.optional(),
});

const progressPoint = z.object({
  on: z.string(),
  notified: z.number().int(),
  remedied: z.number().int(),
  permille: z.number().int(),
  kind: z.enum(['progress', 'summary']),
});

/** What GET /api/recalls answers: the recalls by risk, then lateness, with their completion curves. */
const recallListAnswer = z.object({
  items: z.array(
    caseSummaryAnswer.extend({
      risk: z.enum(RECALL_RISK_LEVELS).nullable().describe('风险等级（本局规定）/ risk level, null until assessed'),
      unitsAffected: z.number().int().nullable(),
      completionPermille: z.number().int().nullable().describe('最近报告的完成率（千分比）/ latest completion rate, permille'),
      stalledReports: z.number().int(),
      curve: z.array(progressPoint),
    }),
  ),
  total: z.number().int(),
});

/** 缺陷产品召回: the bureau's recalls, the most dangerous and the late ones first. */
@ApiTags('缺陷产品召回 recalls')
@ApiBearerAuth()
@Controller('api/recalls')
@Allow('cases.read')
export class RecallsController {
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
    summary: '召回列表：按风险等级、逾期排序，附完成率曲线（最多500件）/ recalls by risk and lateness, with their completion curves',
  })
  @ApiQuery({ name: 'risk', required: false, enum: RECALL_RISK_LEVELS })
  @ApiQuery({ name: 'includeClosed', required: false, enum: ['true', 'false'] })
  @Answers(200, recallListAnswer, [400, ...SIGNED_IN_ERRORS])
  async list(
    @Query(new ZodValidationPipe(recallQuery)) q: z.infer<typeof recallQuery>,
    @Req() req: AuthenticatedRequest,
  ): Promise<z.output<typeof recallListAnswer>> {
    const visibleTo = await this.access.visibleToReader(req);
    const items = await listRecalls(this.db.pool, this.schema, {
      ...(q.risk !== undefined ? { risk: q.risk } : {}),
      ...(q.includeClosed !== undefined ? { includeClosed: q.includeClosed } : {}),
      ...(visibleTo ? { visibleTo } : {}),
    });
    return { items, total: items.length };
  }
}
