import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  WorkingDayCalendar,
  decidePenaltyCase,
  evolvePenalty,
  initialPenaltyState,
  isDomainError,
  shanghaiDate,
  type Actor,
  type PenaltyCaseCommand,
  type PenaltyOpeningCommand,
} from '@qts/domain';
import type { AppConfig } from '@qts/config';
import { PENALTY_CASE_WORKFLOW, penaltyCommandUpdate, type CommandResult, type PenaltyCaseInput } from '@qts/workflows';
import { APP_CONFIG } from '@qts/nest-support';
import { ApiError } from '../errors/api-error';
import { TemporalConnection } from '../temporal/temporal.providers';
import { statusForCode, toApiError } from '../temporal/workflow-errors';
import { caseSearchAttributes } from '../temporal/case-search-attributes';
import { CalendarService } from '../calendar/calendar.service';
import { RefusalLog } from '../audit/refusal-log.service';

/** Commands in: an opening command starts the durable process, later ones are Updates to it. */
@Injectable()
export class PenaltyCasesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly temporal: TemporalConnection,
    private readonly calendar: CalendarService,
    private readonly refusals: RefusalLog,
  ) {}

  async open(command: PenaltyOpeningCommand, actor: Actor): Promise<CommandResult> {
    const snapshot = await this.calendar.snapshot();
    // the same decider the workflow runs: a refusal is answered at once and nothing is started
    const events = decidePenaltyCase(initialPenaltyState(), command, {
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
    const caseId = `PEN-${shanghaiDate(Date.now()).replaceAll('-', '')}-${randomBytes(4).toString('hex')}`;
    const input: PenaltyCaseInput = { caseId, bureauId: this.config.bureauId, calendar: snapshot, opening: { command, actor } };
    const client = await this.temporal.get();
    await client.workflow.start(PENALTY_CASE_WORKFLOW, {
      taskQueue: this.config.temporal.taskQueue,
      workflowId: caseId,
      args: [input],
      typedSearchAttributes: caseSearchAttributes('penalty', command.section, this.config.bureauId),
    });
    const state = events.reduce(evolvePenalty, initialPenaltyState());
    return { caseId, stage: state.stage, events: events.map((e, i) => ({ seq: i + 1, type: e.type })) };
  }

  async send(caseId: string, command: PenaltyCaseCommand, actor: Actor): Promise<CommandResult> {
    const client = await this.temporal.get();
    try {
      return await client.workflow.getHandle(caseId).executeUpdate(penaltyCommandUpdate, { args: [{ command, actor }] });
    } catch (err) {
      return this.refusals.refuse(caseId, command, actor, toApiError(err, caseId));
    }
  }
}
