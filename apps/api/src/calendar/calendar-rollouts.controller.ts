import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ZodValidationPipe } from 'nestjs-zod';
import { z } from 'zod';
import { Allow } from '../auth/permissions.decorator';
import { ApiError } from '../errors/api-error';
import { CalendarRolloutsService } from './calendar-rollouts.service';
import { ROLLOUT_ID_PATTERN } from './calendar-rollout';
import { SIGNED_IN_ERRORS, Answers } from '../openapi/answers';
import { rolloutAnswer, rolloutsAnswer } from './answers';

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().nonnegative().default(0),
});

/** Progress of each loaded notice's rollout to the running cases; the same people as loading notices. */
@ApiTags('工作日历 working-day calendar')
@ApiBearerAuth()
@Controller('api/calendar/rollouts')
@Allow('calendar.manage')
export class CalendarRolloutsController {
  constructor(private readonly rollouts: CalendarRolloutsService) {}

  @Get()
  @ApiOperation({
    summary:
      '日历下发记录及进度（最新在前）/ calendar rollouts, newest first: notice year, who loaded it, when, total / done / failed, state',
  })
  @ApiQuery({ name: 'limit', required: false, description: '1–200, default 50' })
  @ApiQuery({ name: 'offset', required: false })
  @Answers(200, rolloutsAnswer, [400, ...SIGNED_IN_ERRORS])
  async list(@Query(new ZodValidationPipe(listQuery)) q: z.infer<typeof listQuery>): Promise<z.output<typeof rolloutsAnswer>> {
    return { rollouts: await this.rollouts.list(q.limit, q.offset) };
  }

  @Get(':rolloutId')
  @ApiOperation({ summary: '一次日历下发的进度 / one calendar rollout and its progress' })
  @Answers(200, rolloutAnswer, [400, ...SIGNED_IN_ERRORS, 404], {
    errors: { 400: '下发编号格式不正确 INVALID_ROLLOUT_ID / not a rollout id', 404: '没有此下发 ROLLOUT_NOT_FOUND / no such rollout' },
  })
  async get(@Param('rolloutId') rolloutId: string): Promise<z.output<typeof rolloutAnswer>> {
    if (!ROLLOUT_ID_PATTERN.test(rolloutId))
      throw new ApiError(400, 'INVALID_ROLLOUT_ID', `下发编号格式不正确：${rolloutId} / not a rollout id: ${rolloutId}`, {
        rolloutId,
        expected: ROLLOUT_ID_PATTERN.source,
      });
    const rollout = await this.rollouts.get(rolloutId);
    if (!rollout)
      throw new ApiError(404, 'ROLLOUT_NOT_FOUND', `没有编号为 ${rolloutId} 的日历下发 / no calendar rollout ${rolloutId}`, { rolloutId });
    return rollout;
  }
}
