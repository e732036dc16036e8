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
import { EventLogAudit } from './event-log-audit';
import { damagedCasesAnswer } from '../cases/answers';
import { SIGNED_IN_ERRORS, Answers } from '../openapi/answers';
import { identityLogAnswer, refusalsAnswer, verificationAnswer } from './answers';

/** case numbers are letters, digits and - _ . : (PEN-20261204-1a2b3c4d, ESC-…); anything else names no case */
const verifyQuery = z.object({
  caseId: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,120}$/, 'a case number has only letters, digits and - _ . :')
    .optional(),
});
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
    private readonly eventLog: EventLogAudit,
  ) {}

  @Get('verify')
  @ApiOperation({
    summary:
      '校验事件哈希链、查询库与事件日志（Kafka、Temporal）是否一致及账户审计日志 / verify the case event chains, that the read model holds every case and event of the event log (Kafka and Temporal), and the identity audit log; names the first broken link and every missing case or event',
  })
  @ApiQuery({ name: 'caseId', required: false })
  @Answers(200, verificationAnswer, [400, ...SIGNED_IN_ERRORS])
  async verify(@Query(new ZodValidationPipe(verifyQuery)) q: z.infer<typeof verifyQuery>): Promise<z.output<typeof verificationAnswer>> {
    const events = await verifyStore(this.db.pool, this.config.database.readModelSchema, q.caseId);
    // events that reached the log but not the read model fail verification too, named by case: dead-lettered ones
    // (damaged) and any the log has that the read model neither holds nor records as damaged
    const [damagedCases, eventLog] = await Promise.all([this.readModel.damaged(q.caseId), this.eventLog.compare(q.caseId)]);
    const consistent = events.ok && damagedCases.length === 0 && eventLog.ok;
    if (q.caseId) return { ...events, ok: consistent, damagedCases, eventLog };
    const identityLog = await verifyIdentityAudit(this.db.pool, this.identity.tables);
    return { ...events, ok: consistent && identityLog.ok, identityLog, damagedCases, eventLog };
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
