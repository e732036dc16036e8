import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { TypedSearchAttributes, defineSearchAttributeKey } from '@temporalio/common';
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
import { CalendarService } from '../calendar/calendar.service';
import { RefusalLog } from '../audit/refusal-log.service';

const CASE_TYPE = defineSearchAttributeKey('CaseType', 'KEYWORD');
const SECTION = defineSearchAttributeKey('Section', 'KEYWORD');
const BUREAU = defineSearchAttributeKey('BureauId', 'KEYWORD');

/** Escalations (上报/移送) opened by an officer: the same decider answers at once, then the durable process runs. */
@Injectable()
export class EscalationsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly temporal: TemporalConnection,
    private readonly calendar: CalendarService,
    private readonly refusals: RefusalLog,
  ) {}

  private async refused(escalationId: string | null, command: unknown, actor: Actor, err: unknown): Promise<never> {
    if (err instanceof ApiError && err.status < 500 && err.code !== 'CASE_NOT_FOUND') {
      await this.refusals.record({ caseId: escalationId, actor, command, code: err.code, message: err.message });
    }
    throw err;
  }

  async open(command: EscalationOpeningCommand, actor: Actor): Promise<EscalationCommandResult> {
    const snapshot = await this.calendar.snapshot();
    const events = decideEscalation(initialEscalationState(), command, {
      now: Date.now(),
      actor,
      calendar: new WorkingDayCalendar(snapshot),
    });
    if (isDomainError(events)) {
      return this.refused(
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
      typedSearchAttributes: new TypedSearchAttributes([
        { key: CASE_TYPE, value: 'escalation' },
        { key: SECTION, value: command.section },
        { key: BUREAU, value: this.config.bureauId },
      ]),
    });
    const state = events.reduce(evolveEscalation, initialEscalationState());
    return { escalationId, stage: escalationStage(state), events: events.map((e, i) => ({ seq: i + 1, type: e.type })) };
  }

  async send(escalationId: string, command: EscalationCaseCommand, actor: Actor): Promise<EscalationCommandResult> {
    const client = await this.temporal.get();
    try {
      return await client.workflow.getHandle(escalationId).executeUpdate(escalationCommandUpdate, { args: [{ command, actor }] });
    } catch (err) {
      return this.refused(escalationId, command, actor, toApiError(err, escalationId));
    }
  }
}
