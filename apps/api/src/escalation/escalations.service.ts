import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  WorkingDayCalendar,
  decideEscalation,
  escalationStage,
  evolveEscalation,
  initialEscalationState,
  isDomainError,
  shanghaiDate,
  type Actor,
  type EscalationCaseCommand,
  type EscalationOpeningCommand,
} from '@qts/domain';
import type { AppConfig } from '@qts/config';
import { APP_CONFIG } from '@qts/nest-support';
import { ESCALATION_WORKFLOW, escalationCommandUpdate, type EscalationCommandResult, type EscalationInput } from '@qts/workflows';
import { ApiError } from '../errors/api-error';
import { TemporalConnection } from '../temporal/temporal.providers';
import { statusForCode, toApiError } from '../temporal/workflow-errors';
import { caseSearchAttributes } from '../temporal/case-search-attributes';
import { CalendarService } from '../calendar/calendar.service';
import { RefusalLog } from '../audit/refusal-log.service';

/** Escalations (上报/移送) opened by an officer: the same decider answers at once, then the durable process runs. */
@Injectable()
export class EscalationsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly temporal: TemporalConnection,
    private readonly calendar: CalendarService,
    private readonly refusals: RefusalLog,
  ) {}

  async open(command: EscalationOpeningCommand, actor: Actor): Promise<EscalationCommandResult> {
    const snapshot = await this.calendar.snapshot();
    const events = decideEscalation(initialEscalationState(), command, {
      now: Date.now(),
      actor,
      calendar: new WorkingDayCalendar(snapshot),
    });
    if (isDomainError(events)) {
      return this.refusals.refuse(
        null,
        command,
        actor,
        new ApiError(statusForCode(events.code), events.code, events.message, events.details ?? {}),
      );
    }
    const escalationId = `ESC-${shanghaiDate(Date.now()).replaceAll('-', '')}-${randomBytes(4).toString('hex')}`;
    const input: EscalationInput = { escalationId, bureauId: this.config.bureauId, calendar: snapshot, opening: { command, actor } };
    const client = await this.temporal.get();
    await client.workflow.start(ESCALATION_WORKFLOW, {
      taskQueue: this.config.temporal.taskQueue,
      workflowId: escalationId,
      args: [input],
      typedSearchAttributes: caseSearchAttributes('escalation', command.section, this.config.bureauId),
    });
    const state = events.reduce(evolveEscalation, initialEscalationState());
    return { escalationId, stage: escalationStage(state), events: events.map((e, i) => ({ seq: i + 1, type: e.type })) };
  }

  async send(escalationId: string, command: EscalationCaseCommand, actor: Actor): Promise<EscalationCommandResult> {
    const client = await this.temporal.get();
    try {
      return await client.workflow.getHandle(escalationId).executeUpdate(escalationCommandUpdate, { args: [{ command, actor }] });
    } catch (err) {
      return this.refusals.refuse(escalationId, command, actor, toApiError(err, escalationId));
    }
  }
}
