import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ZodValidationPipe } from 'nestjs-zod';
import { z } from 'zod';
import { verifyStore } from '@qts/audit';
import type { AppConfig } from '@qts/config';
import type { Actor } from '@qts/domain';
import { APP_CONFIG, PgPool } from '@qts/nest-support';
import { CurrentActor } from '../actor/actor.decorator';
import { ApiError } from '../errors/api-error';
import { RefusalLog } from './refusal-log.service';

const verifyQuery = z.object({ caseId: z.string().min(1).optional() });
const refusalQuery = z.object({ caseId: z.string().min(1).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });

function requireAuditor(actor: Actor): void {
  if (actor.role !== 'auditor' && actor.role !== 'administrator') {
    throw new ApiError(403, 'ROLE_NOT_ENTITLED', '只有审计人员或管理员可以查看 / only an auditor or administrator may do this');
  }
}

@ApiTags('审计 audit')
@Controller('api/audit')
export class AuditController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: PgPool,
    private readonly refusals: RefusalLog,
  ) {}

  @Get('verify')
  @ApiOperation({
    summary: '校验事件哈希链（一个案件或全部）/ verify the hash chains of one case or the whole store; names the first broken link',
  })
  @ApiQuery({ name: 'caseId', required: false })
  verify(@Query(new ZodValidationPipe(verifyQuery)) q: z.infer<typeof verifyQuery>, @CurrentActor() actor: Actor) {
    requireAuditor(actor);
    return verifyStore(this.db.pool, this.config.database.readModelSchema, q.caseId);
  }

  @Get('refusals')
  @ApiOperation({ summary: '被拒绝的命令（谁、什么、为什么）/ refused commands: who, what, why, newest first' })
  @ApiQuery({ name: 'caseId', required: false })
  @ApiQuery({ name: 'limit', required: false })
  refused(@Query(new ZodValidationPipe(refusalQuery)) q: z.infer<typeof refusalQuery>, @CurrentActor() actor: Actor) {
    requireAuditor(actor);
    return this.refusals.list(q);
  }
}
