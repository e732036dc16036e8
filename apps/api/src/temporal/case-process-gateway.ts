import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/client';
import {
  WorkingDayCalendar,
  isDomainError,
  shanghaiDate,
  type Actor,
  type CalendarSnapshot,
  type DomainError,
  type LegalCalendar,
  type Section,
} from '@qts/domain';
import type { AppConfig } from '@qts/config';
import { APP_CONFIG } from '@qts/nest-support';
import { ApiError } from '../errors/api-error';
import { CalendarService } from '../calendar/calendar.service';
import { RefusalLog } from '../audit/refusal-log.service';
import { TemporalConnection } from './temporal.providers';
import { caseSearchAttributes } from '@qts/workflows';
import { isTransientTemporalError, statusForCode, temporalUnavailable, toApiError } from './workflow-errors';

/** a passing Temporal failure is tried this many times in all, with the same update id, before the client hears 503 */
const SEND_ATTEMPTS = 3;

export interface OpenRequest<E> {
  /** e.g. PEN, ESC: the case number reads PREFIX-YYYYMMDD-xxxxxxxx */
  idPrefix: string;
  caseType: string;
  workflowType: string;
  section: Section;
  command: unknown;
  actor: Actor;
  /** the process's own decider on its initial state: a refusal is answered at once and nothing starts */
  decide: (ctx: { now: number; actor: Actor; calendar: LegalCalendar }) => E[] | DomainError;
  input: (id: string, bureauId: string, calendar: CalendarSnapshot) => unknown;
  /** a case number fixed by the caller (an inbound report's own id): starting it twice is refused by Temporal */
  caseId?: string;
}

/**
 * How every case process is driven over HTTP: an opening command is decided here by the same pure decider the
 * workflow runs, then the workflow starts; later commands are Updates. Refusals are recorded and answered 4xx.
 */
@Injectable()
export class CaseProcessGateway {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly temporal: TemporalConnection,
    private readonly calendar: CalendarService,
    private readonly refusals: RefusalLog,
  ) {}

  async open<E>(request: OpenRequest<E>): Promise<{ id: string; events: E[] }> {
    const { command, actor } = request;
    const snapshot = await this.calendar.snapshot();
    const events = request.decide({ now: Date.now(), actor, calendar: new WorkingDayCalendar(snapshot) });
    if (isDomainError(events)) {
      const refusal = new ApiError(statusForCode(events.code), events.code, events.message, events.details ?? {});
      return this.refusals.refuse(null, command, actor, refusal);
    }
    const id = request.caseId ?? `${request.idPrefix}-${shanghaiDate(Date.now()).replaceAll('-', '')}-${randomBytes(4).toString('hex')}`;
    const client = await this.temporal.get();
    await client.workflow.start(request.workflowType, {
      taskQueue: this.config.temporal.taskQueue,
      workflowId: id,
      args: [request.input(id, this.config.bureauId, snapshot)],
      typedSearchAttributes: caseSearchAttributes(request.caseType, request.section, this.config.bureauId),
      ...(request.caseId ? { workflowIdReusePolicy: 'REJECT_DUPLICATE' as const } : {}),
    });
    return { id, events };
  }

  /**
   * A command as an Update. Its update id comes from the caller's idempotency key (scoped to the person) or is
   * fresh; Temporal answers a repeated id with the first outcome, so the gateway's own retries of a passing
   * failure, and a client's resend with the same key, apply the command once.
   */
  async send<R, C>(
    id: string,
    update: UpdateDefinition<R, [{ command: C; actor: Actor }]>,
    command: C,
    actor: Actor,
    idempotencyKey?: string,
  ): Promise<R> {
    const client = await this.temporal.get();
    // a command without a key gets one, named in a 503, so that resending it with that key applies it once
    const key = idempotencyKey ?? `auto-${randomUUID()}`;
    const updateId = `key:${actor.id}:${key}`;
    // the whole wait, retries included, is bounded: a dead worker gives a 503 in time, never a request left hanging
    const deadline = Date.now() + this.config.api.commandWaitSeconds * 1000;
    const handle = client.workflow.getHandle(id);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await client.withDeadline(deadline, () => handle.executeUpdate(update, { args: [{ command, actor }], updateId }));
      } catch (err) {
        if (!isTransientTemporalError(err)) return this.refusals.refuse(id, command, actor, toApiError(err, id));
        const pause = 250 * 2 ** attempt;
        if (attempt >= SEND_ATTEMPTS || Date.now() + pause >= deadline) throw temporalUnavailable(id, err, key);
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
  }
}
