import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { z } from 'zod';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodValidationPipe } from 'nestjs-zod';
import { stateCouncilNoticeSchema, type Actor, type StateCouncilNotice } from '@qts/domain';
import { checkNoticeAgainstStatute } from '@qts/holiday-calendar';
import { ApiBody } from '@nestjs/swagger';
import { openApiSchema } from '../openapi-schema';
import { CurrentActor } from '../actor/actor.decorator';
import { Allow } from '../auth/permissions.decorator';
import { ApiError } from '../errors/api-error';
import { CalendarService } from './calendar.service';
import { CalendarRolloutsService } from './calendar-rollouts.service';
import { BODY_ERRORS, SIGNED_IN_ERRORS, Answers } from '../openapi/answers';
import { calendarAnswer, noticeLoadedAnswer } from './answers';

/** The longest a notice's answer waits for Temporal to accept the batch; after that it answers `pending`. */
const ANSWER_WITHIN_MS = 3_000;

@ApiTags('工作日历 working-day calendar')
@Controller('api/calendar')
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly rollouts: CalendarRolloutsService,
  ) {}

  @Get()
  @Allow('cases.read')
  @ApiOperation({ summary: '当前工作日历及其确定范围 / the calendar in force and its horizon' })
  @Answers(200, calendarAnswer, SIGNED_IN_ERRORS)
  async get(): Promise<z.output<typeof calendarAnswer>> {
    const snapshot = await this.calendar.snapshot();
    return {
      horizon: snapshot.horizon,
      years: snapshot.years.map((y) => ({ year: y.year, source: y.source, sourceNote: y.sourceNote })),
      snapshot,
    };
  }

  @Post('notices')
  @Allow('calendar.manage')
  @HttpCode(202)
  @ApiOperation({
    summary:
      '载入国务院办公厅节假日安排通知，并向本局所有在办案件分批下发新日历（立即答复下发编号，进度见 rollouts）/ load the State Council holiday notice for a year (administrator); answers at once with the rollout that hands the new calendar to every running case of the bureau',
  })
  @ApiBody({ schema: openApiSchema(stateCouncilNoticeSchema) })
  @Answers(202, noticeLoadedAnswer, [...BODY_ERRORS, ...SIGNED_IN_ERRORS, 422], {
    description: '已受理：下发编号及进度（Location 指向它）/ accepted: the rollout and its progress (Location names it)',
    errors: { 422: '通知与法定节假日不符 / the notice contradicts the statutory holidays' },
  })
  async load(
    @Body(new ZodValidationPipe(stateCouncilNoticeSchema)) body: StateCouncilNotice,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<z.output<typeof noticeLoadedAnswer>> {
    const againstStatute = checkNoticeAgainstStatute(body);
    if (againstStatute) throw new ApiError(422, againstStatute.code, againstStatute.message, againstStatute.details ?? {});
    const { rollout, repeated, snapshot } = await this.calendar.load(body, actor);
    // a repeated notice answers its rollout as it stands; a new one is handed to Temporal now (or by the next reconcile)
    const current = repeated ? await this.rollouts.refresh(rollout) : await this.rollouts.startWithin(rollout, ANSWER_WITHIN_MS);
    res.location(`/api/calendar/rollouts/${encodeURIComponent(current.id)}`);
    return { rolloutId: current.id, repeated, horizon: snapshot.horizon, rollout: current };
  }
}
