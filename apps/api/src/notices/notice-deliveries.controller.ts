import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ZodValidationPipe } from 'nestjs-zod';
import { z } from 'zod';
import { Allow } from '../auth/permissions.decorator';
import { Answers, SIGNED_IN_ERRORS } from '../openapi/answers';
import { DeliveryStore } from './delivery-store';

const STATUSES = ['pending', 'delivered', 'failed'] as const;

const deliveriesQuery = z.strictObject({
  status: z.enum(STATUSES).optional(),
  caseId: z.string().min(1).max(120).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const deliveriesAnswer = z.object({
  counts: z.object({ pending: z.number().int(), delivered: z.number().int(), failed: z.number().int() }),
  items: z.array(
    z.object({
      eventId: z.string(),
      webhook: z.string(),
      caseId: z.string(),
      body: z.string().describe('what was (or will be) posted / the signed body'),
      status: z.enum(STATUSES),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      lastStatus: z.number().int().nullable(),
      createdAt: z.string(),
      deliveredAt: z.string().nullable(),
      nextAttemptAt: z.string().nullable(),
    }),
  ),
});

/** 通知推送: every notice × webhook, its attempts and the last error; failed ones first to look at. */
@ApiTags('督办通知 notices')
@ApiBearerAuth()
@Controller('api/notices/deliveries')
@Allow('notices.deliveries')
export class NoticeDeliveriesController {
  constructor(private readonly store: DeliveryStore) {}

  @Get()
  @ApiOperation({
    summary: '通知推送记录（webhook）：状态、尝试次数、最后错误 / notice deliveries to webhooks: status, attempts, last error',
  })
  @ApiQuery({ name: 'status', required: false, enum: STATUSES })
  @ApiQuery({ name: 'caseId', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @Answers(200, deliveriesAnswer, [400, ...SIGNED_IN_ERRORS])
  async list(
    @Query(new ZodValidationPipe(deliveriesQuery)) q: z.infer<typeof deliveriesQuery>,
  ): Promise<z.output<typeof deliveriesAnswer>> {
    const [counts, items] = await Promise.all([
      this.store.counts(),
      this.store.list({ limit: q.limit, ...(q.status ? { status: q.status } : {}), ...(q.caseId ? { caseId: q.caseId } : {}) }),
    ]);
    return { counts, items };
  }
}
