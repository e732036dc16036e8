import { Body, Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ZodValidationPipe } from 'nestjs-zod';
import { z } from 'zod';
import { queryFlag } from '../openapi/query-params';
import { BOUNDARY_MATTERS, ESCALATION_CASE_TYPE, proposeOwningDepartments } from '@qts/domain';
import { Allow } from '../auth/permissions.decorator';
import { openApiSchema } from '../openapi-schema';
import { ReadModelService } from '../cases/read-model.service';
import { ReadAccess } from '../cases/read-access.service';
import type { AuthenticatedRequest } from '../auth/authenticated-request';
import { ApiError } from '../errors/api-error';
import { BODY_ERRORS, SIGNED_IN_ERRORS, Answers } from '../openapi/answers';
import { casePageAnswer } from '../cases/answers';

const listQuery = z.object({
  target: z.enum(['city_bureau', 'province', 'cnca', 'police', 'peer_department']).optional(),
  stage: z.string().min(1).optional(),
  overdue: queryFlag.optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});
const routingBody = z.object({ matter: z.enum(BOUNDARY_MATTERS), finding: z.string().min(1) });
const routingAnswer = z.array(
  z.object({
    department: z.string(),
    departmentZh: z.string(),
    shareZh: z.string(),
    matchedKeywords: z.array(z.string()),
    ownShare: z.boolean().describe('本局的份额：自办，不移送 / the bureau’s own share: keep it'),
  }),
);

@ApiTags('上报与移送 escalations')
@ApiBearerAuth()
@Controller('api/escalations')
/** Escalation reads and the boundary table; opening and commands are the registry's (processes/process-controllers.ts). */
export class EscalationsController {
  constructor(
    private readonly readModel: ReadModelService,
    private readonly access: ReadAccess,
  ) {}

  @Get()
  @Allow('cases.read')
  @ApiOperation({ summary: '在办上报（按目标、层级），逾期的在前 / open escalations by target and level, overdue first' })
  @ApiQuery({ name: 'target', required: false })
  @ApiQuery({ name: 'stage', required: false, description: 'e.g. submitted:province, acknowledged:cnca' })
  @ApiQuery({ name: 'overdue', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'limit', required: false, description: '1–500' })
  @ApiQuery({ name: 'offset', required: false })
  @Answers(200, casePageAnswer, [400, ...SIGNED_IN_ERRORS])
  async list(
    @Query(new ZodValidationPipe(listQuery)) q: z.infer<typeof listQuery>,
    @Req() req: AuthenticatedRequest,
  ): Promise<z.output<typeof casePageAnswer>> {
    if (!req.principal) throw new ApiError(401, 'AUTH_REQUIRED', '请先登录 / sign in first');
    const visibleTo = await this.access.visibleTo(req.principal);
    return this.readModel.listCases({
      ...(visibleTo ? { visibleTo } : {}),
      caseType: ESCALATION_CASE_TYPE,
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
  @Answers(200, routingAnswer, [...BODY_ERRORS, ...SIGNED_IN_ERRORS])
  routing(@Body(new ZodValidationPipe(routingBody)) body: z.infer<typeof routingBody>): z.output<typeof routingAnswer> {
    return proposeOwningDepartments(body.matter, body.finding);
  }
}
