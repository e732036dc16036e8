import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  startChild,
  workflowInfo,
  ParentClosePolicy,
} from '@temporalio/workflow';
import { workflowNow, workflowNowIso } from '../shared/workflow-time';
import type { CaseActivities } from '@qts/activities';
import {
  SYSTEM_ACTOR,
  WorkingDayCalendar,
  amountDue,
  decidePenaltyCase,
  eventIdOf,
  evolvePenalty,
  initialPenaltyState,
  isDomainError,
  nextWakeUp,
  penaltyCaseCommandSchema,
  shanghaiDate,
  startOfShanghaiDay,
  addDays,
  PENALTY_CASE_TYPE,
  PENALTY_EVENT_SCHEMA_VERSION,
  type Actor,
  type DecideContext,
  type DomainError,
  type EventEnvelope,
  type PenaltyCommand,
  type PenaltyEvent,
} from '@qts/domain';
import {
  amountDueQuery,
  calendarUpdatedSignal,
  penaltyCommandUpdate,
  penaltyStateQuery,
  type CommandRequest,
  type CommandResult,
  type PenaltyCaseInput,
} from './definitions';
import { ESCALATION_WORKFLOW, escalationOutcomeSignal, type EscalationInput, type EscalationOutcome } from '../escalation/definitions';

const PUBLISH_RETRY = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' } as const;
const remote = proxyActivities<CaseActivities>({ startToCloseTimeout: '30 seconds', retry: PUBLISH_RETRY });
// Publishing as a local activity saves a task round trip through the server for every command (an officer waits for it).
const local = proxyLocalActivities<CaseActivities>({ startToCloseTimeout: '30 seconds', retry: PUBLISH_RETRY });

/** Executions started before the local-activity change keep publishing as they did (their histories say so). */
function publishCaseEvents(...args: Parameters<CaseActivities['publishCaseEvents']>) {
  return patched('publish-case-events-as-local-activity') ? local.publishCaseEvents(...args) : remote.publishCaseEvents(...args);
}

/**
 * Evidence accepted before officers' certificates were checked, and cases filed before the 办案人员 were designated at
 * filing, replay as they were decided then. Called only from the update handler (validators do not run on replay
 * and must not record markers).
 */
function compatFor(command: PenaltyCommand): DecideContext['compat'] {
  if (command.type === 'RecordEvidence')
    return patched('evidence-needs-certified-officers') ? undefined : { evidenceWithoutCertificates: true };
  if (command.type === 'DecideFiling' && command.decision === 'file')
    return patched('filing-designates-two-handlers') ? undefined : { filingWithoutHandlers: true };
  return undefined;
}

function refusal(error: DomainError): ApplicationFailure {
  return ApplicationFailure.create({ type: error.code, message: error.message, details: [error.details ?? {}], nonRetryable: true });
}

/**
 * The durable runner of one administrative penalty case (行政处罚案件): commands arrive as Updates,
 * the pure decider turns them into events, the events are published in order, and the clock raises
 * notices and opens enforcement when their day comes.
 */
export async function penaltyCaseWorkflow(input: PenaltyCaseInput): Promise<{ outcome: string | null; seq: number }> {
  let state = input.resume?.state ?? initialPenaltyState();
  let seq = input.resume?.seq ?? 0;
  let calendar = new WorkingDayCalendar(input.calendar);
  let calendarSnapshot = input.calendar;
  const outbox: EventEnvelope[] = [];
  let publishedSeq = seq;
  // the hash chain's last link, returned by the publishing activity (so it is in the history, deterministic)
  let lastHash: string | null = input.resume?.lastHash ?? null;

  const ctx = (actor: Actor, compat?: DecideContext['compat']): DecideContext => ({
    now: workflowNow(),
    actor,
    calendar,
    caseId: input.caseId,
    ...(compat ? { compat } : {}),
  });
  // answers of escalations this case started (移送公安), handled by the main loop
  const outcomes: EscalationOutcome[] = [];
  // a case resumed after continue-as-new while transferred has already started its escalation
  let transferStarted = state.transfer?.escalationId ?? null;
  let transferActor: Actor | null = null;

  const apply = (events: PenaltyEvent[], actor: Actor): CommandResult => {
    const occurredAt = workflowNowIso();
    const applied: { seq: number; type: string }[] = [];
    for (const event of events) {
      seq += 1;
      state = evolvePenalty(state, event);
      outbox.push({
        eventId: eventIdOf(input.caseId, seq),
        caseId: input.caseId,
        caseType: PENALTY_CASE_TYPE,
        bureauId: input.bureauId,
        seq,
        type: event.type,
        schemaVersion: PENALTY_EVENT_SCHEMA_VERSION,
        occurredAt,
        actor,
        payload: event.payload,
      });
      applied.push({ seq, type: event.type });
    }
    return { caseId: input.caseId, stage: state.stage, events: applied };
  };

  const decide = (command: PenaltyCommand, actor: Actor, compat?: DecideContext['compat']) =>
    decidePenaltyCase(state, command, ctx(actor, compat));

  // the opening command is applied before any handler exists: an Update delivered with the start (a command sent
  // right after opening the case) must see the opened case
  if (input.opening) {
    const events = decide(input.opening.command, input.opening.actor);
    if (isDomainError(events)) throw refusal(events);
    apply(events, input.opening.actor);
  }

  setHandler(
    penaltyCommandUpdate,
    async ({ command, actor }) => {
      const events = decide(command, actor, compatFor(command));
      if (isDomainError(events)) throw refusal(events);
      if (command.type === 'TransferToPolice') transferActor = actor;
      const result = apply(events, actor);
      const mine = seq;
      await condition(() => publishedSeq >= mine);
      return result;
    },
    {
      validator: ({ command, actor }: CommandRequest) => {
        const parsed = penaltyCaseCommandSchema.safeParse(command);
        if (!parsed.success) {
          throw ApplicationFailure.create({ type: 'INVALID_COMMAND', message: parsed.error.message, nonRetryable: true });
        }
        // the system identity acts only through the clock, or as the treasury gateway reporting a payment
        if (actor.role === 'system' && !(parsed.data.type === 'RecordPayment' && parsed.data.channel === 'treasury')) {
          throw ApplicationFailure.create({
            type: 'ROLE_NOT_ENTITLED',
            message: '系统身份不能提交办案命令 / system identity cannot send case commands',
            nonRetryable: true,
          });
        }
        const events = decide(parsed.data, actor);
        if (isDomainError(events)) throw refusal(events);
      },
    },
  );
  setHandler(escalationOutcomeSignal, (outcome) => {
    outcomes.push(outcome);
  });
  // a newly loaded State Council notice: provisional deadlines are computed again by the main loop
  let calendarChanged = false;
  setHandler(calendarUpdatedSignal, (snapshot) => {
    calendarSnapshot = snapshot;
    calendar = new WorkingDayCalendar(snapshot);
    // executions that took a calendar signal before recomputation existed replay as they ran: not woken, no event
    if (patched('recompute-provisional-deadlines')) calendarChanged = true;
  });
  setHandler(penaltyStateQuery, () => ({ state, seq }));
  setHandler(amountDueQuery, (asOf) => {
    if (!state.rules || state.schedule.length === 0) return null;
    return amountDue(state.schedule, state.payments, state.rules.lateFeeDailyBasisPoints.value, asOf ?? shanghaiDate(workflowNow()));
  });

  /** 移送公安 runs as a child escalation; its answer comes back as escalationOutcomeSignal. */
  async function startTransferEscalation(escalationId: string, decidedOn: string): Promise<void> {
    const child: EscalationInput = {
      escalationId,
      bureauId: input.bureauId,
      calendar: calendarSnapshot,
      opening: {
        actor: transferActor ?? { id: 'bureau-head', role: 'bureau_head' },
        command: {
          type: 'OpenEscalation',
          target: { kind: 'police' },
          subject: `移送涉嫌犯罪案件：${state.title}`,
          legalGround: '《行政处罚法》第二十七条；《行政执法机关移送涉嫌犯罪案件的规定》',
          caseSummary: {
            caseId: input.caseId,
            caseType: PENALTY_CASE_TYPE,
            title: state.title,
            partyName: state.party.name,
            facts: state.transfer?.grounds ?? state.title,
          },
          section: state.section,
          openedOn: decidedOn,
          parent: { workflowId: input.caseId, caseType: PENALTY_CASE_TYPE },
        },
      },
    };
    await startChild(ESCALATION_WORKFLOW, {
      workflowId: escalationId,
      args: [child],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
  }

  for (;;) {
    if (outbox.length > 0) {
      const batch = outbox.splice(0, outbox.length);
      const published = await publishCaseEvents(batch, lastHash);
      // histories recorded before the hash chain returned nothing here
      lastHash = published?.lastHash ?? lastHash;
      publishedSeq = batch[batch.length - 1]?.seq ?? publishedSeq;
      continue;
    }
    if (state.stage === 'closed') break;
    const outcome = outcomes.shift();
    if (outcome) {
      const events = decide(
        { type: 'RecordEscalationOutcome', escalationId: outcome.escalationId, outcome: outcome.outcome, decidedOn: outcome.decidedOn },
        SYSTEM_ACTOR,
      );
      if (isDomainError(events)) log.warn('escalation outcome not applied', { caseId: input.caseId, code: events.code });
      else apply(events, SYSTEM_ACTOR);
      continue;
    }
    if (calendarChanged) {
      calendarChanged = false;
      const events = decide({ type: 'RecomputeDeadlines' }, SYSTEM_ACTOR);
      if (!isDomainError(events) && events.length > 0) apply(events, SYSTEM_ACTOR);
      continue;
    }
    if (state.transfer && transferStarted !== state.transfer.escalationId) {
      await startTransferEscalation(state.transfer.escalationId, state.transfer.decidedOn);
      transferStarted = state.transfer.escalationId;
      continue;
    }
    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      if (outbox.length === 0) {
        await continueAsNew<typeof penaltyCaseWorkflow>({
          caseId: input.caseId,
          bureauId: input.bureauId,
          calendar: calendarSnapshot,
          resume: { state, seq, lastHash },
        });
      }
      continue;
    }
    const now = workflowNow();
    const wake = nextWakeUp(state, now);
    if (wake !== null && wake <= now) {
      const events = decide({ type: 'Tick' }, SYSTEM_ACTOR);
      if (!isDomainError(events) && events.length > 0) {
        apply(events, SYSTEM_ACTOR);
        continue;
      }
      // nothing came of it: look again tomorrow rather than spin
      log.warn('clock woke with nothing to decide', { caseId: input.caseId, stage: state.stage });
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
  return { outcome: state.closure?.outcome ?? null, seq };
}
