import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodValidationPipe } from 'nestjs-zod';
import type { z } from 'zod';
import type { Actor } from '@qts/domain';
import { assignmentSchema, reasonSchema } from '@qts/identity';
import { CurrentActor } from '../actor/actor.decorator';
import { openApiSchema } from '../openapi-schema';
import { IdentityProvider, answering } from './identity.provider';
import { Allow } from './permissions.decorator';
import { BODY_ERRORS, SIGNED_IN_ERRORS, Answers } from '../openapi/answers';
import { assignmentAnswer, assignmentsAnswer, revokedAnswer } from './answers';

const CASE_NOT_FOUND = '没有此案件 CASE_NOT_FOUND / no such case';

/** 跨科室指派: the chief of the owning section (or the head) lets a person of another section work on one case. */
@ApiTags('指派 assignments')
@Controller('api/cases/:caseId/assignments')
export class AssignmentsController {
  constructor(private readonly identity: IdentityProvider) {}

  @Get()
  @Allow('cases.read', { caseParam: 'caseId' })
  @ApiOperation({ summary: '本案的有效指派 / the case’s active assignments' })
  @Answers(200, assignmentsAnswer, [400, ...SIGNED_IN_ERRORS, 404], { errors: { 404: CASE_NOT_FOUND } })
  list(@Param('caseId') caseId: string): Promise<z.output<typeof assignmentsAnswer>> {
    return this.identity.assignments.forCase(caseId);
  }

  @Post()
  @Allow('assignments.manage', { caseParam: 'caseId' })
  @ApiOperation({ summary: '指派他科人员办理本案（记入审计日志）/ assign a person of another section; audited' })
  @ApiBody({ schema: openApiSchema(assignmentSchema) })
  @Answers(201, assignmentAnswer, [...BODY_ERRORS, ...SIGNED_IN_ERRORS, 404, 409], {
    errors: { 404: `${CASE_NOT_FOUND}；没有此账号 USER_NOT_FOUND / no such user`, 409: '已指派 ALREADY_ASSIGNED / already assigned' },
  })
  grant(
    @Param('caseId') caseId: string,
    @Body(new ZodValidationPipe(assignmentSchema)) body: z.infer<typeof assignmentSchema>,
    @CurrentActor() actor: Actor,
  ): Promise<z.output<typeof assignmentAnswer>> {
    return answering(this.identity.assignments.grant(caseId, body.userId, body.reason, actor.id));
  }

  @Post(':userId/revoke')
  @HttpCode(200)
  @Allow('assignments.manage', { caseParam: 'caseId' })
  @ApiOperation({ summary: '撤销指派 / revoke an assignment' })
  @ApiBody({ schema: openApiSchema(reasonSchema) })
  @Answers(200, revokedAnswer, [...BODY_ERRORS, ...SIGNED_IN_ERRORS, 404], {
    errors: { 404: `${CASE_NOT_FOUND}；没有此指派 ASSIGNMENT_NOT_FOUND / no such assignment` },
  })
  async revoke(
    @Param('caseId') caseId: string,
    @Param('userId') userId: string,
    @Body(new ZodValidationPipe(reasonSchema)) body: z.infer<typeof reasonSchema>,
    @CurrentActor() actor: Actor,
  ): Promise<z.output<typeof revokedAnswer>> {
    await answering(this.identity.assignments.revoke(caseId, userId, body.reason, actor.id));
    return { revoked: true };
  }
}
