import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { TypedSearchAttributes, defineSearchAttributeKey } from '@temporalio/common';
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
import { CalendarService } from '../calendar/calendar.service';
import { RefusalLog } from '../audit/refusal-log.service';

const CASE_TYPE = defineSearchAttributeKey('CaseType', 'KEYWORD');
const SECTION = defineSearchAttributeKey('Section', 'KEYWORD');
const BUREAU = defineSearchAttributeKey('BureauId', 'KEYWORD');

/** Commands in: an opening command starts the durable process, later ones are Updates to it. */
@Injectable()
export class PenaltyCasesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly temporal: TemporalConnection,
    private readonly calendar: CalendarService,
    private readonly refusals: RefusalLog,
  ) {}

  /** A refusal is recorded (who, what, why) and then answered; the case is untouched. */
  private async refused(caseId: string | null, command: unknown, actor: Actor, err: unknown): Promise<never> {
    if (err instanceof ApiError && err.status < 500 && err.code !== 'CASE_NOT_FOUND') {
      await this.refusals.record({ caseId, actor, command, code: err.code, message: err.message });
    }
    throw err;
  }

  async open(command: PenaltyOpeningCommand, actor: Actor): Promise<CommandResult> {
    const snapshot = await this.calendar.snapshot();
    // the same decider the workflow runs: a refusal is answered at once and nothing is started
    const events = decidePenaltyCase(initialPenaltyState(), command, {
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
    const caseId = `PEN-${shanghaiDate(Date.now()).replaceAll('-', '')}-${randomBytes(4).toString('hex')}`;
    const input: PenaltyCaseInput = { caseId, bureauId: this.config.bureauId, calendar: snapshot, opening: { command, actor } };
    const client = await this.temporal.get();
    await client.workflow.start(PENALTY_CASE_WORKFLOW, {
      taskQueue: this.config.temporal.taskQueue,
      workflowId: caseId,
      args: [input],
      typedSearchAttributes: new TypedSearchAttributes([
        { key: CASE_TYPE, value: 'penalty' },
        { key: SECTION, value: command.section },
        { key: BUREAU, value: this.config.bureauId },
      ]),
    });
    const state = events.reduce(evolvePenalty, initialPenaltyState());
    return { caseId, stage: state.stage, events: events.map((e, i) => ({ seq: i + 1, type: e.type })) };
  }

  async send(caseId: string, command: PenaltyCaseCommand, actor: Actor): Promise<CommandResult> {
    const client = await this.temporal.get();
    try {
      return await client.workflow.getHandle(caseId).executeUpdate(penaltyCommandUpdate, { args: [{ command, actor }] });
    } catch (err) {
      return this.refused(caseId, command, actor, toApiError(err, caseId));
    }
  }
}
