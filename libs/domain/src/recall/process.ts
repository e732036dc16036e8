import type { CaseProcess } from '../kernel/case-process';
import { labels } from '../kernel/labels';
import {
  PRODUCER_COMMANDS,
  recallCaseCommandSchema,
  recallOpeningCommandSchema,
  type RecallCaseCommand,
  type RecallOpeningCommand,
  type RecordRecallEscalationOutcome,
} from './commands';
import { nextRecallWakeUp } from './clock';
import { RECALL_COMMAND_POLICY } from './command-policy';
import { decideRecall } from './decide';
import { recallEffectsOf } from './effects';
import { RECALL_EVENT_SCHEMA_VERSION, parseRecallEvent, recallEventPayloadSchemas, type RecallEvent } from './events';
import { evolveRecall } from './evolve';
import { RECALL_COMMAND_LABELS, RECALL_EVENT_LABELS, RECALL_STAGE_LABELS } from './labels';
import { RECALL_CASE_TYPE, recallProjection } from './projection';
import { initialRecallState, RECALL_STAGES, type RecallStage, type RecallState } from './state';
import { recallMoves } from './moves';

/** 缺陷产品召回: from the defect signal to the effectiveness assessment; the producer's reports may arrive over Kafka. */
export const recallProcess: CaseProcess<RecallState, RecallOpeningCommand, RecallCaseCommand, RecallEvent, RecordRecallEscalationOutcome> =
  {
    caseType: RECALL_CASE_TYPE,
    labels: labels('缺陷产品召回', 'defective-product recall'),
    idPrefix: 'RCL',
    route: 'recalls',
    temporal: { workflowType: 'recallWorkflow', commandUpdate: 'recallCommand', stateQuery: 'recallState' },
    commands: {
      opening: recallOpeningCommandSchema,
      running: recallCaseCommandSchema,
      labels: RECALL_COMMAND_LABELS,
      policy: RECALL_COMMAND_POLICY,
      // the producer's plan and reports arrive on the inbound producer topic, sent by the gateway as the system identity
      systemMay: (command) => PRODUCER_COMMANDS.has(command.type),
    },
    events: {
      schemaVersion: RECALL_EVENT_SCHEMA_VERSION,
      payloadSchemas: recallEventPayloadSchemas,
      labels: RECALL_EVENT_LABELS,
      parse: parseRecallEvent,
    },
    stages: { all: RECALL_STAGES, label: (stage) => RECALL_STAGE_LABELS[stage as RecallStage] ?? labels(stage, stage) },
    initialState: initialRecallState,
    evolve: evolveRecall,
    decide: decideRecall,
    nextWakeUp: nextRecallWakeUp,
    isClosed: (state) => state.stage === 'closed',
    stageOf: (state) => state.stage,
    sectionOf: (opening) => opening.section,
    projection: recallProjection,
    moves: recallMoves,
    effectsOf: recallEffectsOf,
    onEscalationOutcome: (outcome) => ({
      type: 'RecordEscalationOutcome',
      escalationId: outcome.escalationId,
      outcome: outcome.outcome,
      decidedOn: outcome.decidedOn,
    }),
  };
