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

const verifyQuery = z.object({ caseId: z.string().min(1).optional() });

@ApiTags('审计 audit')
@Controller('api/audit')
export class AuditController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: PgPool,
  ) {}

  @Get('verify')
  @ApiOperation({
    summary: '校验事件哈希链（一个案件或全部）/ verify the hash chains of one case or the whole store; names the first broken link',
  })
  @ApiQuery({ name: 'caseId', required: false })
  verify(@Query(new ZodValidationPipe(verifyQuery)) q: z.infer<typeof verifyQuery>, @CurrentActor() actor: Actor) {
    if (actor.role !== 'auditor' && actor.role !== 'administrator') {
      throw new ApiError(403, 'ROLE_NOT_ENTITLED', '只有审计人员或管理员可以校验 / only an auditor or administrator may verify the store');
    }
    return verifyStore(this.db.pool, this.config.database.readModelSchema, q.caseId);
  }
}
