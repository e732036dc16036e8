import type { CaseProcess } from '../kernel/case-process';
import { labels } from '../kernel/labels';
import { ACCIDENT_COMMAND_POLICY } from './command-policy';
import { nextAccidentWakeUp } from './clock';
import {
  accidentCaseCommandSchema,
  accidentOpeningCommandSchema,
  type AccidentCaseCommand,
  type AccidentOpeningCommand,
  type AccidentSystemCommand,
} from './commands';
import { decideAccident } from './decide';
import { ACCIDENT_EVENT_SCHEMA_VERSION, accidentEventPayloadSchemas, parseAccidentEvent, type AccidentEvent } from './events';
import { evolveAccident } from './evolve';
import { ACCIDENT_COMMAND_LABELS, ACCIDENT_EVENT_LABELS, ACCIDENT_STAGE_LABELS } from './labels';
import { ACCIDENT_CASE_TYPE, accidentProjection } from './projection';
import { accidentEffectsOf } from './report-effect';
import { accidentStage, initialAccidentState, type AccidentStage, type AccidentState } from './state';
import { accidentMoves } from './moves';

/** 事故调查: from the report received to rectification, with the district's real authority (domain.md §2B, §5). */
export const accidentProcess: CaseProcess<
  AccidentState,
  AccidentOpeningCommand,
  AccidentCaseCommand,
  AccidentEvent,
  AccidentSystemCommand
> = {
  caseType: ACCIDENT_CASE_TYPE,
  labels: labels('事故调查', 'accident investigation'),
  idPrefix: 'ACC',
  route: 'accidents',
  temporal: { workflowType: 'accidentWorkflow', commandUpdate: 'accidentCommand', stateQuery: 'accidentState' },
  commands: {
    opening: accidentOpeningCommandSchema,
    running: accidentCaseCommandSchema,
    labels: ACCIDENT_COMMAND_LABELS,
    policy: ACCIDENT_COMMAND_POLICY,
    // inbound reports open cases (the opening); nothing running is sent by an integration
    systemMay: () => false,
    credentials: [{ ids: 'officerIds', credentials: 'officers' }],
  },
  events: {
    schemaVersion: ACCIDENT_EVENT_SCHEMA_VERSION,
    payloadSchemas: accidentEventPayloadSchemas,
    labels: ACCIDENT_EVENT_LABELS,
    parse: parseAccidentEvent,
  },
  stages: {
    all: Object.keys(ACCIDENT_STAGE_LABELS),
    label: (stage) => ACCIDENT_STAGE_LABELS[stage as AccidentStage] ?? labels(stage, stage),
  },
  initialState: initialAccidentState,
  evolve: evolveAccident,
  decide: decideAccident,
  nextWakeUp: nextAccidentWakeUp,
  isClosed: (state) => state.phase === 'closed',
  stageOf: accidentStage,
  hourLimitsOf: (state) => Object.values(state.hourLimits),
  sectionOf: (opening) => opening.section,
  projection: accidentProjection,
  moves: accidentMoves,
  effectsOf: accidentEffectsOf,
  onEscalationOutcome: (outcome) => ({
    type: 'RecordEscalationOutcome',
    escalationId: outcome.escalationId,
    outcome: outcome.outcome,
    decidedOn: outcome.decidedOn,
  }),
};
