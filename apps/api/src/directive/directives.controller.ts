import { Controller, Get, Inject, Param, Query, Req, StreamableFile, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ZodValidationPipe } from 'nestjs-zod';
import { z } from 'zod';
import { queryFlag } from '../openapi/query-params';
import type { AppConfig } from '@qts/config';
import { APP_CONFIG, PgPool } from '@qts/nest-support';
import { DIRECTIVE_CASE_TYPE, directiveDocument, equipmentSchema, type DirectiveState } from '@qts/domain';
import { listEquipmentDirectives } from '@qts/read-model';
import { ApiError } from '../errors/api-error';
import { Allow } from '../auth/permissions.decorator';
import type { AuthenticatedRequest } from '../auth/authenticated-request';
import { ReadAccess } from '../cases/read-access.service';
import { ReadModelService } from '../cases/read-model.service';
import { CJK_FONT_MISSING, findCjkFont } from './cjk-font';
import { renderDirectivePdf } from './directive-pdf';
import { caseSummaryAnswer } from '../cases/answers';
import { Answers, SIGNED_IN_ERRORS, errorResponses } from '../openapi/answers';

/** The printed 指令书: a PDF, or why not (no such case, no written directive yet, no CJK font on the server). */
const PDF_ANSWERS = applyDecorators(
  ApiResponse({
    status: 200,
    description: '指令书 PDF / the directive as a PDF',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  }),
  ...errorResponses([400, ...SIGNED_IN_ERRORS, 404, 409, 503]).map((r) => ApiResponse(r)),
);

/** What GET /api/directives/equipment answers: a unit's or a device's directive cases, awaiting 补发 first. */
const equipmentAnswer = z.object({
  items: z.array(
    caseSummaryAnswer.extend({
      equipment: equipmentSchema.nullable(),
      emergencyOrder: z.boolean(),
      awaitingWrittenDirective: z
        .boolean()
        .describe('现场紧急处置尚未补发书面指令 / an emergency order still without its written directive'),
      sealed: z.boolean(),
    }),
  ),
  total: z.number().int(),
});

const BUREAU_NAME_ZH = '区质量技术监督局';

const equipmentQuery = z.object({
  unit: z.string().min(1).max(200).optional(),
  registrationCode: z.string().min(1).max(60).optional(),
  includeClosed: queryFlag.optional(),
});

function principalOf(req: AuthenticatedRequest) {
  if (!req.principal) throw new ApiError(401, 'AUTH_REQUIRED', '请先登录 / sign in first');
  return req.principal;
}

/** 特种设备安全监察指令: a unit's or a device's open directives, seals and emergency orders; the printed 指令书. */
@ApiTags('特种设备安全监察指令 directives')
@ApiBearerAuth()
@Controller('api/directives')
@Allow('cases.read')
export class DirectivesController {
  private readonly schema: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly db: PgPool,
    private readonly readModel: ReadModelService,
    private readonly access: ReadAccess,
  ) {
    this.schema = config.database.readModelSchema;
  }

  @Get('equipment')
  @ApiOperation({
    summary:
      '安全监察指令、查封扣押和现场紧急处置，可按使用单位或设备筛选（待补发书面指令的在前，最多500件）/ directives, seals and emergency orders, of a unit or device when named; awaiting the written directive first',
  })
  @ApiQuery({ name: 'unit', required: false, description: '使用单位名称 / user unit' })
  @ApiQuery({ name: 'registrationCode', required: false, description: '设备注册代码 / registration code' })
  @ApiQuery({ name: 'includeClosed', required: false, enum: ['true', 'false'] })
  @Answers(200, equipmentAnswer, SIGNED_IN_ERRORS)
  async equipment(
    @Query(new ZodValidationPipe(equipmentQuery)) q: z.infer<typeof equipmentQuery>,
    @Req() req: AuthenticatedRequest,
  ): Promise<z.output<typeof equipmentAnswer>> {
    const visibleTo = await this.access.visibleTo(principalOf(req));
    const items = await listEquipmentDirectives(this.db.pool, this.schema, {
      ...(q.unit !== undefined ? { unitName: q.unit } : {}),
      ...(q.registrationCode !== undefined ? { registrationCode: q.registrationCode } : {}),
      ...(q.includeClosed !== undefined ? { includeClosed: q.includeClosed } : {}),
      ...(visibleTo ? { visibleTo } : {}),
    });
    return { items, total: items.length };
  }

  @Get(':caseId/document.pdf')
  @ApiOperation({ summary: '下载特种设备安全监察指令书（PDF）/ the printed directive (PDF)' })
  @PDF_ANSWERS
  async document(@Param('caseId') caseId: string, @Req() req: AuthenticatedRequest): Promise<StreamableFile> {
    const found = await this.readModel.getCase(caseId);
    if (!found || found.caseType !== DIRECTIVE_CASE_TYPE)
      throw new ApiError(404, 'CASE_NOT_FOUND', `安全监察指令案件 ${caseId} 不存在（或尚未进入查询库）/ no such directive case`, {
        caseId,
      });
    await this.access.shown(principalOf(req), found);
    const document = directiveDocument(caseId, found.state as DirectiveState, BUREAU_NAME_ZH);
    if (!document)
      throw new ApiError(
        409,
        'WRITTEN_DIRECTIVE_MISSING',
        '尚未下达书面安全监察指令，没有可打印的指令书 / the written directive has not been issued',
        {
          caseId,
          stage: found.stage,
        },
      );
    const font = findCjkFont();
    if (!font) throw new ApiError(503, 'CJK_FONT_MISSING', CJK_FONT_MISSING);
    const pdf = await renderDirectivePdf(document, font);
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `attachment; filename="${caseId}.pdf"`, length: pdf.length });
  }
}
