import {
  ApplicationFailure,
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  continueAsNew,
  currentUpdateInfo,
  getExternalWorkflowHandle,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import type { CaseActivities, OutboundDocumentActivities } from '@qts/activities';
import {
  ESCALATION_CASE_TYPE,
  SYSTEM_ACTOR,
  WorkingDayCalendar,
  addDays,
  eventIdOf,
  isDomainError,
  processOf,
  shanghaiDate,
  startOfShanghaiDay,
  type Actor,
  type AnyCaseProcess,
  type CaseEffect,
  type CaseOrigin,
  type DecideContext,
  type DomainError,
  type EscalationOutcome,
  type EventEnvelope,
} from '@qts/domain';
import { workflowNow, workflowNowIso } from '../shared/workflow-time';
import type { EscalationActivities } from '../escalation/activities-contract';
import {
  ESCALATION_WORKFLOW,
  calendarUpdatedSignal,
  commandUpdateOf,
  escalationOutcomeSignal,
  stateQueryOf,
  type CaseCommandRequest,
  type CaseCommandResult,
  type CaseProcessInput,
} from './definitions';
import { caseSearchAttributes } from './search-attributes';

const RETRY = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' } as const;
// an officer waits for the events of a command: publish them as a local activity (no activity task round trip)
const local = proxyLocalActivities<CaseActivities>({ startToCloseTimeout: '30 seconds', retry: RETRY });
const remote = proxyActivities<CaseActivities>({ startToCloseTimeout: '30 seconds', retry: RETRY });
// an outbound document is a message to another authority: a regular activity, retried until it is sent
const documents = proxyActivities<EscalationActivities>({ startToCloseTimeout: '1 minute', retry: RETRY });
const outbound = proxyActivities<OutboundDocumentActivities>({ startToCloseTimeout: '1 minute', retry: RETRY });

const DEFAULT_BUREAU_NAME = '区质量技术监督局';

type Command = { type: string };
type Event = { type: string; payload: unknown };

/** How one process differs in Temporal terms; everything else comes from its CaseProcess. */
export interface RunnerOptions {
  /**
   * Rules that changed while cases were running: `patched()` decisions for the opening command, a command decided in
   * the Update handler or by the clock (never called from a validator, which does not run on replay).
   */
  compatFor?: (command: Command) => DecideContext['compat'];
  /** executions that published through a regular activity before local publishing keep doing so */
  publishLocally?: () => boolean;
  /** the workflow's own input for its next run (continue-as-new), when it is not shaped like CaseProcessInput */
  nextRunInput?: (next: Pick<CaseProcessInput<unknown>, 'calendar' | 'resume'>) => unknown;
  /** extra queries of the process, given the live state */
  handlers?: (live: { state: () => unknown; seq: () => number }) => void;
}

/** The end of a run: the state it closed in and the last sequence number. */
export interface RunOutcome<S> {
  state: S;
  seq: number;
}

function refusal(error: DomainError): ApplicationFailure {
  return ApplicationFailure.create({ type: error.code, message: error.message, details: [error.details ?? {}], nonRetryable: true });
}

function invalid(type: string, message: string): ApplicationFailure {
  return ApplicationFailure.create({ type, message, nonRetryable: true });
}

/**
 * The durable runner of every case process (案件流程): commands arrive as Updates whose validator is the decider,
 * the events are applied with `evolve` and published in order (hash-linked by the publishing activity), their
 * effects follow (child escalations, outbound documents), the clock raises what falls due, a new calendar makes the
 * case compute its dates again, and long histories continue as new. Workflow files only register their process.
 */
export async function runCaseProcess<S>(
  process: AnyCaseProcess,
  input: CaseProcessInput<S>,
  options: RunnerOptions = {},
): Promise<RunOutcome<S>> {
  let state: S = input.resume?.state ?? (process.initialState() as S);
  let seq = input.resume?.seq ?? 0;
  let calendarSnapshot = input.calendar;
  let calendar = new WorkingDayCalendar(calendarSnapshot);
  const outbox: EventEnvelope[] = [];
  const effects: CaseEffect[] = [];
  let publishedSeq = seq;
  // the hash chain's last link, returned by the publishing activity (so it is in the history, deterministic)
  let lastHash: string | null = input.resume?.lastHash ?? null;
  const origin: CaseOrigin = { caseId: input.caseId, bureauId: input.bureauId, bureauNameZh: input.bureauNameZh ?? DEFAULT_BUREAU_NAME };
  // answers of escalations this case started, handled by the main loop as system commands
  const outcomes: EscalationOutcome[] = [];

  const decide = (command: Command, actor: Actor, compat?: DecideContext['compat']) =>
    process.decide(state, command, { now: workflowNow(), actor, calendar, caseId: input.caseId, ...(compat ? { compat } : {}) }) as
      Event[] | DomainError;

  const apply = (events: Event[], actor: Actor): CaseCommandResult => {
    const occurredAt = workflowNowIso();
    const applied: { seq: number; type: string }[] = [];
    for (const event of events) {
      seq += 1;
      state = process.evolve(state, event) as S;
      outbox.push({
        eventId: eventIdOf(input.caseId, seq),
        caseId: input.caseId,
        caseType: process.caseType,
        bureauId: input.bureauId,
        seq,
        type: event.type,
        schemaVersion: process.events.schemaVersion,
        occurredAt,
        actor,
        payload: event.payload as Record<string, unknown>,
      });
      effects.push(...(process.effectsOf?.(event, state, origin, actor) ?? []));
      applied.push({ seq, type: event.type });
    }
    return { caseId: input.caseId, stage: process.stageOf(state), events: applied };
  };

  /**
   * Rules that changed while cases were running, for a command decided in a handler or the main loop. A calendar
   * taken before every calendar-derived date was recomputed (appeal-periods end, enforcement opening, court window,
   * late-fee start) replays recomputing only its provisional deadlines.
   */
  const compatOf = (command: Command): DecideContext['compat'] => {
    if (command.type === 'RecomputeDeadlines')
      return patched('recompute-calendar-derived-dates') ? undefined : { recomputeDeadlinesOnly: true };
    return options.compatFor?.(command);
  };

  /** A system command of the runner's own (clock, calendar, child outcome): applied if it decides anything. */
  const applySystem = (command: Command): boolean => {
    const events = decide(command, SYSTEM_ACTOR, compatOf(command));
    if (isDomainError(events)) {
      log.warn('system command not applied', { caseId: input.caseId, command: command.type, code: events.code });
      return false;
    }
    if (events.length === 0) return false;
    apply(events, SYSTEM_ACTOR);
    return true;
  };

  // the opening command is applied before any handler exists: an Update delivered with the start (a command sent
  // right after opening the case) must see the opened case
  if (input.opening) {
    const events = decide(input.opening.command as Command, input.opening.actor, options.compatFor?.(input.opening.command as Command));
    if (isDomainError(events)) throw refusal(events);
    apply(events, input.opening.actor);
  }

  // the validator's decision, kept for its handler (same Update, same state, same activation): decided once. A replay
  // runs no validator and decides in the handler, with the same result.
  let validated: { updateId: string; seq: number; events: Event[] } | undefined;
  const decidedByValidator = (compat: DecideContext['compat']): Event[] | undefined => {
    const kept = validated;
    validated = undefined;
    const updateId = currentUpdateInfo()?.id;
    return kept && compat === undefined && kept.updateId === updateId && kept.seq === seq ? kept.events : undefined;
  };

  setHandler(
    commandUpdateOf(process),
    async ({ command, actor }: CaseCommandRequest) => {
      // compatOf first, always: its patched() markers belong in the history whether or not the decision is reused
      const compat = compatOf(command as Command);
      const events = decidedByValidator(compat) ?? decide(command as Command, actor, compat);
      if (isDomainError(events)) throw refusal(events);
      const result = apply(events, actor);
      const mine = seq;
      await condition(() => publishedSeq >= mine);
      return result;
    },
    {
      validator: ({ command, actor }: CaseCommandRequest) => {
        const parsed = process.commands.running.safeParse(command);
        if (!parsed.success) throw invalid('INVALID_COMMAND', parsed.error.message);
        const typed = parsed.data as Command;
        // the system identity acts through the clock and the runner; over the Update only as a declared integration
        if (actor.role === 'system' && !process.commands.systemMay(typed)) {
          throw invalid('ROLE_NOT_ENTITLED', `系统身份不能提交 ${typed.type} / the system identity cannot send ${typed.type}`);
        }
        const events = decide(typed, actor);
        if (isDomainError(events)) throw refusal(events);
        // reusable by the handler only if it would decide the very same command (parsing changed nothing)
        const updateId = currentUpdateInfo()?.id;
        validated = updateId !== undefined && JSON.stringify(typed) === JSON.stringify(command) ? { updateId, seq, events } : undefined;
      },
    },
  );
  if (process.onEscalationOutcome) setHandler(escalationOutcomeSignal, (outcome) => void outcomes.push(outcome));
  // a newly loaded State Council notice: the case's calendar-derived dates are computed again by the main loop
  let calendarChanged = false;
  setHandler(calendarUpdatedSignal, (snapshot) => {
    calendarSnapshot = snapshot;
    calendar = new WorkingDayCalendar(snapshot);
    // executions that took a calendar signal before recomputation existed replay as they ran: not woken, no event
    if (patched('recompute-provisional-deadlines')) calendarChanged = true;
  });
  setHandler(stateQueryOf(process), () => ({ state, seq }));
  options.handlers?.({ state: () => state, seq: () => seq });

  const publish = (batch: EventEnvelope[]) =>
    (options.publishLocally?.() ?? true) ? local.publishCaseEvents(batch, lastHash) : remote.publishCaseEvents(batch, lastHash);
  // executions that published after a 1 ms timer (patch publish-after-commit) or before it keep doing so on replay
  const publishAfterTimer = async (batch: EventEnvelope[]) => {
    if (patched('publish-after-commit')) await sleep(1);
    return publish(batch);
  };

  async function run(effect: CaseEffect): Promise<void> {
    switch (effect.kind) {
      case 'sendEscalationDocument':
        await documents.publishEscalationDocument(effect.document);
        return;
      case 'startEscalation':
        await startChild(ESCALATION_WORKFLOW, {
          workflowId: effect.escalationId,
          args: [
            {
              escalationId: effect.escalationId,
              bureauId: input.bureauId,
              calendar: calendarSnapshot,
              opening: { actor: effect.actor, command: effect.command },
            },
          ],
          parentClosePolicy: ParentClosePolicy.ABANDON,
          typedSearchAttributes: caseSearchAttributes(ESCALATION_CASE_TYPE, effect.command.section, input.bureauId),
        });
        return;
      case 'publishDocument':
        await outbound.publishOutboundDocument(effect.channel, effect.document);
        return;
      case 'startCase': {
        const child = processOf(effect.caseType);
        if (!child) throw new Error(`no process for case type ${effect.caseType}`);
        await startChild(child.temporal.workflowType, {
          workflowId: effect.caseId,
          args: [
            {
              caseId: effect.caseId,
              bureauId: input.bureauId,
              calendar: calendarSnapshot,
              opening: { actor: effect.actor, command: effect.command },
            },
          ],
          parentClosePolicy: ParentClosePolicy.ABANDON,
          typedSearchAttributes: caseSearchAttributes(effect.caseType, effect.section, input.bureauId),
        });
        return;
      }
      default: {
        const never: never = effect;
        return never;
      }
    }
  }

  for (;;) {
    if (outbox.length > 0) {
      const batch = outbox.splice(0, outbox.length);
      // Publish only events whose workflow task is committed. A local activity runs inside the task: if the worker
      // dies before the task completes, the retried task decides again at another time (occurredAt, hashes) and a
      // second, different copy of the same event would follow the first into Kafka (the fault suite found the chain
      // broken so). A regular activity is scheduled only once the task that decided the events is committed, and a
      // retry publishes the same events. (Before: a 1 ms timer ended the task, then a local activity published; the
      // server fires such a timer ≈ 1 s later, and every command waited for it.)
      const published = patched('publish-by-activity-after-commit')
        ? await remote.publishCaseEvents(batch, lastHash)
        : await publishAfterTimer(batch);
      // histories recorded before the hash chain returned nothing here
      lastHash = published?.lastHash ?? lastHash;
      publishedSeq = batch[batch.length - 1]?.seq ?? publishedSeq;
      continue;
    }
    if (effects.length > 0) {
      // after the events that ask for them: the timeline never lacks the record of what went out
      for (const effect of effects.splice(0, effects.length)) await run(effect);
      continue;
    }
    if (process.isClosed(state)) break;
    const outcome = outcomes.shift();
    if (outcome && process.onEscalationOutcome) {
      applySystem(process.onEscalationOutcome(outcome) as Command);
      continue;
    }
    if (calendarChanged) {
      calendarChanged = false;
      applySystem({ type: 'RecomputeDeadlines' });
      continue;
    }
    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      if (outbox.length === 0 && effects.length === 0) {
        const next = { calendar: calendarSnapshot, resume: { state, seq, lastHash } };
        await continueAsNew<(i: unknown) => Promise<unknown>>(
          options.nextRunInput ? options.nextRunInput(next) : { ...input, opening: undefined, ...next },
        );
      }
      continue;
    }
    const now = workflowNow();
    const wake = process.nextWakeUp(state, now);
    if (wake !== null && wake <= now) {
      if (applySystem({ type: 'Tick' })) continue;
      // nothing came of it: look again tomorrow rather than spin
      log.warn('clock woke with nothing to decide', { caseId: input.caseId, stage: process.stageOf(state) });
      const seen = seq;
      await condition(() => seq !== seen || outbox.length > 0, startOfShanghaiDay(addDays(shanghaiDate(now), 1)) - now);
      continue;
    }
    const seen = seq;
    const changed = () =>
      seq !== seen || outbox.length > 0 || outcomes.length > 0 || calendarChanged || workflowInfo().continueAsNewSuggested;
    if (wake === null) await condition(changed);
    else await condition(changed, wake - now);
  }
  await condition(allHandlersFinished);

  const notice = process.parentNotice?.(state, origin);
  if (notice) {
    try {
      await getExternalWorkflowHandle(notice.workflowId).signal(escalationOutcomeSignal, notice.outcome);
    } catch (err) {
      // the parent may have ended meanwhile: the outcome stays on the child's own timeline
      log.warn('could not signal the parent case', { parent: notice.workflowId, error: String(err) });
    }
  }
  return { state, seq };
}
