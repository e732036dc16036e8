import type { CaseProcess } from '../kernel/case-process';
import { labels } from '../kernel/labels';
import {
  penaltyCaseCommandSchema,
  penaltyOpeningCommandSchema,
  type PenaltyCaseCommand,
  type PenaltyCommand,
  type PenaltyOpeningCommand,
} from './commands';
import { nextWakeUp } from './clock';
import { PENALTY_COMMAND_POLICY } from './command-policy';
import { decidePenaltyCase } from './decide';
import { PENALTY_EVENT_SCHEMA_VERSION, parsePenaltyEvent, penaltyEventPayloadSchemas, type PenaltyEvent } from './events';
import { evolvePenalty } from './evolve';
import { PENALTY_COMMAND_LABELS, PENALTY_EVENT_LABELS, PENALTY_STAGE_LABELS } from './labels';
import { PENALTY_CASE_TYPE, penaltyProjection } from './projection';
import { initialPenaltyState, type PenaltyStage, type PenaltyState } from './state';
import { penaltyEffectsOf } from './transfer-effect';
import { penaltyMoves } from './moves';

type SystemCommand = Extract<PenaltyCommand, { type: 'RecordEscalationOutcome' }>;

/** 行政处罚案件 (《行政处罚法》), from the lead or the on-the-spot decision to payment, court enforcement or transfer. */
export const penaltyCaseProcess: CaseProcess<PenaltyState, PenaltyOpeningCommand, PenaltyCaseCommand, PenaltyEvent, SystemCommand> = {
  caseType: PENALTY_CASE_TYPE,
  labels: labels('行政处罚案件', 'administrative penalty case'),
  idPrefix: 'PEN',
  route: 'penalty-cases',
  temporal: { workflowType: 'penaltyCaseWorkflow', commandUpdate: 'penaltyCommand', stateQuery: 'penaltyState' },
  commands: {
    opening: penaltyOpeningCommandSchema,
    running: penaltyCaseCommandSchema,
    labels: PENALTY_COMMAND_LABELS,
    policy: PENALTY_COMMAND_POLICY,
    // the treasury gateway reports payments (inbound payments topic) as the system identity
    systemMay: (command) => command.type === 'RecordPayment' && command.channel === 'treasury',
    // evidence by two certified officers (《行政处罚法》第四十二条、第五十五条), the 办案人员 designated at filing
    credentials: [
      { ids: 'officerIds', credentials: 'officers' },
      { ids: 'handlerIds', credentials: 'handlers' },
    ],
  },
  events: {
    schemaVersion: PENALTY_EVENT_SCHEMA_VERSION,
    payloadSchemas: penaltyEventPayloadSchemas,
    labels: PENALTY_EVENT_LABELS,
    parse: parsePenaltyEvent,
  },
  stages: {
    all: Object.keys(PENALTY_STAGE_LABELS),
    label: (stage) => PENALTY_STAGE_LABELS[stage as PenaltyStage] ?? labels(stage, stage),
  },
  initialState: initialPenaltyState,
  evolve: evolvePenalty,
  decide: decidePenaltyCase,
  nextWakeUp,
  isClosed: (state) => state.stage === 'closed',
  stageOf: (state) => state.stage,
  sectionOf: (opening) => opening.section,
  projection: penaltyProjection,
  moves: penaltyMoves,
  effectsOf: penaltyEffectsOf,
  onEscalationOutcome: (outcome) => ({
    type: 'RecordEscalationOutcome',
    escalationId: outcome.escalationId,
    outcome: outcome.outcome,
    decidedOn: outcome.decidedOn,
  }),
};
