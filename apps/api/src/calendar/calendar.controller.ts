import { Body, Controller, Get, Post } from '@nestjs/common';
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

@ApiTags('工作日历 working-day calendar')
@Controller('api/calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  @Allow('cases.read')
  @ApiOperation({ summary: '当前工作日历及其确定范围 / the calendar in force and its horizon' })
  async get() {
    const snapshot = await this.calendar.snapshot();
    return {
      horizon: snapshot.horizon,
      years: snapshot.years.map((y) => ({ year: y.year, source: y.source, sourceNote: y.sourceNote })),
      snapshot,
    };
  }

  @Post('notices')
  @Allow('calendar.manage')
  @ApiOperation({ summary: '载入国务院办公厅节假日安排通知 / load the State Council holiday notice for a year (administrator)' })
  @ApiBody({ schema: openApiSchema(stateCouncilNoticeSchema) })
  async load(@Body(new ZodValidationPipe(stateCouncilNoticeSchema)) body: StateCouncilNotice, @CurrentActor() actor: Actor) {
    const againstStatute = checkNoticeAgainstStatute(body);
    if (againstStatute) throw new ApiError(422, againstStatute.code, againstStatute.message, againstStatute.details ?? {});
    const { snapshot, casesSignalled } = await this.calendar.load(body, actor);
    return { horizon: snapshot.horizon, casesSignalled };
  }
}
