import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ZodValidationPipe } from 'nestjs-zod';
import { z } from 'zod';
import { verifyStore } from '@qts/audit';
import type { AppConfig } from '@qts/config';
import { listIdentityAudit, verifyIdentityAudit } from '@qts/identity';
import { APP_CONFIG, PgPool } from '@qts/nest-support';
import { Allow } from '../auth/permissions.decorator';
import { IdentityProvider } from '../auth/identity.provider';
import { RefusalLog } from './refusal-log.service';
import { ReadModelService } from '../cases/read-model.service';
import { damagedCasesAnswer } from '../cases/answers';
import { SIGNED_IN_ERRORS, Answers } from '../openapi/answers';
import { identityLogAnswer, refusalsAnswer, verificationAnswer } from './answers';

const verifyQuery = z.object({ caseId: z.string().min(1).optional() });
const refusalQuery = z.object({ caseId: z.string().min(1).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });
const identityQuery = z.object({ subject: z.string().min(1).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });

@ApiTags('审计 audit')
@ApiBearerAuth()
@Controller('api/audit')
@Allow('audit.read')
export class AuditController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: PgPool,
    private readonly refusals: RefusalLog,
    private readonly identity: IdentityProvider,
    private readonly readModel: ReadModelService,
  ) {}

  @Get('verify')
  @ApiOperation({
    summary:
      '校验事件哈希链（一个案件或全部）及账户审计日志 / verify the case event chains (one case or all) and the identity audit log; names the first broken link',
  })
  @ApiQuery({ name: 'caseId', required: false })
  @Answers(200, verificationAnswer, [400, ...SIGNED_IN_ERRORS])
  async verify(@Query(new ZodValidationPipe(verifyQuery)) q: z.infer<typeof verifyQuery>): Promise<z.output<typeof verificationAnswer>> {
    const events = await verifyStore(this.db.pool, this.config.database.readModelSchema, q.caseId);
    // events that reached the log but not the read model fail verification too, named by case
    const damagedCases = await this.readModel.damaged(q.caseId);
    if (q.caseId) return { ...events, ok: events.ok && damagedCases.length === 0, damagedCases };
    const identityLog = await verifyIdentityAudit(this.db.pool, this.identity.tables);
    return { ...events, ok: events.ok && identityLog.ok && damagedCases.length === 0, identityLog, damagedCases };
  }

  @Get('damaged')
  @Allow('cases.damaged')
  @ApiOperation({
    summary: '受损案件：事件无法写入查询库（死信）/ damaged cases: events dead-lettered by the projector, with the reason',
  })
  @Answers(200, damagedCasesAnswer, SIGNED_IN_ERRORS)
  damaged(): Promise<z.output<typeof damagedCasesAnswer>> {
    return this.readModel.damaged();
  }

  @Get('refusals')
  @ApiOperation({ summary: '被拒绝的命令（谁、什么、为什么）/ refused commands: who, what, why, newest first' })
  @ApiQuery({ name: 'caseId', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @Answers(200, refusalsAnswer, [400, ...SIGNED_IN_ERRORS])
  refused(@Query(new ZodValidationPipe(refusalQuery)) q: z.infer<typeof refusalQuery>): Promise<z.output<typeof refusalsAnswer>> {
    return this.refusals.list(q);
  }

  @Get('identity')
  @ApiOperation({ summary: '账户与指派变更日志（哈希链）/ account and assignment changes, hash-linked, newest first' })
  @ApiQuery({ name: 'subject', required: false, description: 'a user id' })
  @ApiQuery({ name: 'limit', required: false })
  @Answers(200, identityLogAnswer, [400, ...SIGNED_IN_ERRORS])
  identityLog(@Query(new ZodValidationPipe(identityQuery)) q: z.infer<typeof identityQuery>): Promise<z.output<typeof identityLogAnswer>> {
    return listIdentityAudit(this.db.pool, this.identity.tables, q);
  }
}
