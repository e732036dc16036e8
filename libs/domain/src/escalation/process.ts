import type { CaseProcess } from '../kernel/case-process';
import { labels } from '../kernel/labels';
import { ESCALATION_COMMAND_POLICY } from './command-policy';
import { nextEscalationWakeUp } from './clock';
import {
  escalationCaseCommandSchema,
  escalationOpeningCommandSchema,
  type EscalationCaseCommand,
  type EscalationOpeningCommand,
} from './commands';
import { decideEscalation } from './decide';
import { ESCALATION_EVENT_SCHEMA_VERSION, escalationEventPayloadSchemas, parseEscalationEvent, type EscalationEvent } from './events';
import { evolveEscalation } from './evolve';
import { ESCALATION_COMMAND_LABELS, ESCALATION_EVENT_LABELS, ESCALATION_STAGES, escalationStageLabel } from './labels';
import { escalationDocumentFor } from './outbound-document';
import { ESCALATION_CASE_TYPE, escalationProjection, escalationStage } from './projection';
import { initialEscalationState, type EscalationState } from './state';
import { escalationMoves } from './moves';

/** Where outside bodies answer; named in every outbound document's replyTo. */
export const ESCALATION_REPLY_CHANNEL = 'escalations.inbound';

// another authority's answer arrives over Kafka and is recorded by the gateway as the system identity
const INBOUND_RESPONSES: ReadonlySet<string> = new Set(['RecordAcknowledgement', 'RecordForwarding', 'RecordDecision']);

/** 上报/移送: to the city bureau, level by level to CNCA, to the police or a peer department. */
export const escalationProcess: CaseProcess<EscalationState, EscalationOpeningCommand, EscalationCaseCommand, EscalationEvent> = {
  caseType: ESCALATION_CASE_TYPE,
  labels: labels('上报/移送', 'escalation'),
  idPrefix: 'ESC',
  route: 'escalations',
  temporal: { workflowType: 'escalationWorkflow', commandUpdate: 'escalationCommand', stateQuery: 'escalationState' },
  commands: {
    opening: escalationOpeningCommandSchema,
    running: escalationCaseCommandSchema,
    labels: ESCALATION_COMMAND_LABELS,
    policy: ESCALATION_COMMAND_POLICY,
    systemMay: (command) => INBOUND_RESPONSES.has(command.type),
  },
  events: {
    schemaVersion: ESCALATION_EVENT_SCHEMA_VERSION,
    payloadSchemas: escalationEventPayloadSchemas,
    labels: ESCALATION_EVENT_LABELS,
    parse: parseEscalationEvent,
  },
  stages: { all: ESCALATION_STAGES, label: escalationStageLabel },
  initialState: initialEscalationState,
  evolve: evolveEscalation,
  decide: decideEscalation,
  nextWakeUp: nextEscalationWakeUp,
  isClosed: (state) => state.stage === 'closed',
  stageOf: escalationStage,
  sectionOf: (opening) => opening.section,
  projection: escalationProjection,
  moves: escalationMoves,
  // each submission sends its document, after the events that record it are published
  effectsOf: (event, state, origin) =>
    event.type === 'EscalationSubmitted'
      ? [
          {
            kind: 'sendEscalationDocument',
            document: escalationDocumentFor(state, event.payload, {
              escalationId: origin.caseId,
              bureauId: origin.bureauId,
              bureauNameZh: origin.bureauNameZh,
              replyChannel: ESCALATION_REPLY_CHANNEL,
            }),
          },
        ]
      : [],
  parentNotice: (state, origin) =>
    state.parent && state.outcome
      ? {
          workflowId: state.parent.workflowId,
          outcome: {
            escalationId: origin.caseId,
            outcome: state.outcome.outcome,
            decidedOn: state.outcome.closedOn,
            decidedByLevel: state.outcome.decidedByLevel,
          },
        }
      : null,
};
