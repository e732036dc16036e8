import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { workflowNow, workflowNowIso } from '../shared/workflow-time';
import type { CaseActivities } from '@qts/activities';
import {
  ESCALATION_CASE_TYPE,
  ESCALATION_EVENT_SCHEMA_VERSION,
  SYSTEM_ACTOR,
  WorkingDayCalendar,
  addDays,
  decideEscalation,
  escalationCaseCommandSchema,
  escalationDocumentFor,
  escalationStage,
  eventIdOf,
  evolveEscalation,
  initialEscalationState,
  isDomainError,
  nextEscalationWakeUp,
  shanghaiDate,
  startOfShanghaiDay,
  type Actor,
  type DomainError,
  type EscalationCommand,
  type EscalationDocumentV1,
  type EscalationEvent,
  type EventEnvelope,
} from '@qts/domain';
import { calendarUpdatedSignal } from '../penalty-case/definitions';
import type { EscalationActivities } from './activities-contract';
import {
  ESCALATION_REPLY_CHANNEL,
  escalationCommandUpdate,
  escalationOutcomeSignal,
  escalationStateQuery,
  type EscalationCommandRequest,
  type EscalationCommandResult,
  type EscalationInput,
  type EscalationOutcome,
} from './definitions';

const RETRY = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' } as const;
// an officer waits for the events of a command: publish them as a local activity, like the penalty case
const INBOUND_RESPONSES = new Set(['RecordAcknowledgement', 'RecordForwarding', 'RecordDecision']);

const local = proxyLocalActivities<CaseActivities>({ startToCloseTimeout: '30 seconds', retry: RETRY });
// the outbound document is a message to another authority: a regular activity, retried until it is sent
const remote = proxyActivities<EscalationActivities>({ startToCloseTimeout: '1 minute', retry: RETRY });

const DEFAULT_BUREAU_NAME = '区质量技术监督局';

function refusal(error: DomainError): ApplicationFailure {
  return ApplicationFailure.create({ type: error.code, message: error.message, details: [error.details ?? {}], nonRetryable: true });
}

/**
 * The durable runner of one escalation (上报/移送): commands arrive as Updates validated by the decider, events are
 * published in order, each submission sends its outbound document, the clock chases overdue levels, and the final
 * outcome is signalled to the parent case (when there is one) before the workflow completes.
 */
export async function escalationWorkflow(input: EscalationInput): Promise<EscalationOutcome | null> {
  let state = input.resume?.state ?? initialEscalationState();
  let seq = input.resume?.seq ?? 0;
  let calendar = new WorkingDayCalendar(input.calendar);
  let calendarSnapshot = input.calendar;
  const outbox: EventEnvelope[] = [];
  const documents: EscalationDocumentV1[] = [];
  let publishedSeq = seq;
  let lastHash: string | null = input.resume?.lastHash ?? null;
  const origin = {
    escalationId: input.escalationId,
    bureauId: input.bureauId,
    bureauNameZh: input.bureauNameZh ?? DEFAULT_BUREAU_NAME,
    replyChannel: ESCALATION_REPLY_CHANNEL,
  };

  const ctx = (actor: Actor) => ({ now: workflowNow(), actor, calendar });
  const decide = (command: EscalationCommand, actor: Actor) => decideEscalation(state, command, ctx(actor));

  const apply = (events: EscalationEvent[], actor: Actor): EscalationCommandResult => {
    const occurredAt = workflowNowIso();
    const applied: { seq: number; type: string }[] = [];
    for (const event of events) {
      seq += 1;
      state = evolveEscalation(state, event);
      outbox.push({
        eventId: eventIdOf(input.escalationId, seq),
        caseId: input.escalationId,
        caseType: ESCALATION_CASE_TYPE,
        bureauId: input.bureauId,
        seq,
        type: event.type,
        schemaVersion: ESCALATION_EVENT_SCHEMA_VERSION,
        occurredAt,
        actor,
        payload: event.payload,
      });
      if (event.type === 'EscalationSubmitted') documents.push(escalationDocumentFor(state, event.payload, origin));
      applied.push({ seq, type: event.type });
    }
    return { escalationId: input.escalationId, stage: escalationStage(state), events: applied };
  };

  if (input.opening) {
    const events = decide(input.opening.command, input.opening.actor);
    if (isDomainError(events)) throw refusal(events);
    apply(events, input.opening.actor);
  }

  setHandler(
    escalationCommandUpdate,
    async ({ command, actor }) => {
      const events = decide(command, actor);
      if (isDomainError(events)) throw refusal(events);
      const result = apply(events, actor);
      const mine = seq;
      await condition(() => publishedSeq >= mine);
      return result;
    },
    {
      validator: ({ command, actor }: EscalationCommandRequest) => {
        const parsed = escalationCaseCommandSchema.safeParse(command);
        if (!parsed.success) {
          throw ApplicationFailure.create({ type: 'INVALID_COMMAND', message: parsed.error.message, nonRetryable: true });
        }
        // the system identity acts through the clock, or as the gateway recording another authority's answer
        if (actor.role === 'system' && !INBOUND_RESPONSES.has(parsed.data.type)) {
          throw ApplicationFailure.create({
            type: 'ROLE_NOT_ENTITLED',
            message: '系统身份不能提交上报命令 / system identity cannot send escalation commands',
            nonRetryable: true,
          });
        }
        const events = decide(parsed.data, actor);
        if (isDomainError(events)) throw refusal(events);
      },
    },
  );
  // a newly loaded State Council notice: provisional deadlines are computed again by the main loop
  let calendarChanged = false;
  setHandler(calendarUpdatedSignal, (snapshot) => {
    calendarSnapshot = snapshot;
    calendar = new WorkingDayCalendar(snapshot);
    // executions that took a calendar signal before recomputation existed replay as they ran: not woken, no event
    if (patched('recompute-provisional-deadlines')) calendarChanged = true;
  });
  setHandler(escalationStateQuery, () => ({ state, seq }));

  for (;;) {
    if (outbox.length > 0) {
      const batch = outbox.splice(0, outbox.length);
      const published = await local.publishCaseEvents(batch, lastHash);
      lastHash = published.lastHash;
      publishedSeq = batch[batch.length - 1]?.seq ?? publishedSeq;
      continue;
    }
    if (documents.length > 0) {
      // after the events that record the submissions: the timeline never lacks a document that went out
      for (const doc of documents.splice(0, documents.length)) await remote.publishEscalationDocument(doc);
      continue;
    }
    if (state.stage === 'closed') break;
    if (calendarChanged) {
      calendarChanged = false;
      const events = decide({ type: 'RecomputeDeadlines' }, SYSTEM_ACTOR);
      if (!isDomainError(events) && events.length > 0) apply(events, SYSTEM_ACTOR);
      continue;
    }
    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      if (outbox.length === 0 && documents.length === 0) {
        await continueAsNew<typeof escalationWorkflow>({
          ...input,
          calendar: calendarSnapshot,
          opening: undefined,
          resume: { state, seq, lastHash },
        });
      }
      continue;
    }
    const now = workflowNow();
    const wake = nextEscalationWakeUp(state, now);
    if (wake !== null && wake <= now) {
      const events = decide({ type: 'Tick' }, SYSTEM_ACTOR);
      if (!isDomainError(events) && events.length > 0) {
        apply(events, SYSTEM_ACTOR);
        continue;
      }
      log.warn('clock woke with nothing to decide', { escalationId: input.escalationId });
      const seen = seq;
      await condition(() => seq !== seen || outbox.length > 0, startOfShanghaiDay(addDays(shanghaiDate(now), 1)) - now);
      continue;
    }
    const seen = seq;
    const changed = () => seq !== seen || outbox.length > 0 || calendarChanged || workflowInfo().continueAsNewSuggested;
    if (wake === null) await condition(changed);
    else await condition(changed, wake - now);
  }
  await condition(allHandlersFinished);

  const closed = state.outcome;
  if (!closed) return null;
  const outcome: EscalationOutcome = {
    escalationId: input.escalationId,
    outcome: closed.outcome,
    decidedOn: closed.closedOn,
    decidedByLevel: closed.decidedByLevel,
  };
  if (state.parent) {
    try {
      await getExternalWorkflowHandle(state.parent.workflowId).signal(escalationOutcomeSignal, outcome);
    } catch (err) {
      // the parent may have ended meanwhile: the outcome stays on the escalation's own timeline
      log.warn('could not signal the parent case', { parent: state.parent.workflowId, error: String(err) });
    }
  }
  return outcome;
}
