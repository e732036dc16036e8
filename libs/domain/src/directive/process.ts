import type { CaseProcess } from '../kernel/case-process';
import { labels } from '../kernel/labels';
import { DIRECTIVE_COMMAND_POLICY } from './command-policy';
import { nextDirectiveWakeUp } from './clock';
import {
  directiveCaseCommandSchema,
  directiveOpeningCommandSchema,
  type DirectiveCaseCommand,
  type DirectiveOpeningCommand,
  type DirectiveSystemCommand,
} from './commands';
import { decideDirective } from './decide';
import { directiveEffectsOf } from './escalation-effect';
import { DIRECTIVE_EVENT_SCHEMA_VERSION, directiveEventPayloadSchemas, parseDirectiveEvent, type DirectiveEvent } from './events';
import { evolveDirective } from './evolve';
import { DIRECTIVE_COMMAND_LABELS, DIRECTIVE_EVENT_LABELS, DIRECTIVE_STAGES, directiveStageLabel } from './labels';
import { DIRECTIVE_CASE_TYPE, directiveProjection, directiveStage } from './projection';
import { initialDirectiveState, type DirectiveState } from './state';
import { directiveMoves } from './moves';

/** 特种设备安全监察指令: inspection or emergency order → written directive → rectification → re-inspection. */
export const directiveProcess: CaseProcess<
  DirectiveState,
  DirectiveOpeningCommand,
  DirectiveCaseCommand,
  DirectiveEvent,
  DirectiveSystemCommand
> = {
  caseType: DIRECTIVE_CASE_TYPE,
  labels: labels('特种设备安全监察指令', 'special-equipment safety directive'),
  idPrefix: 'SED',
  route: 'directives',
  temporal: { workflowType: 'directiveWorkflow', commandUpdate: 'directiveCommand', stateQuery: 'directiveState' },
  commands: {
    opening: directiveOpeningCommandSchema,
    running: directiveCaseCommandSchema,
    labels: DIRECTIVE_COMMAND_LABELS,
    policy: DIRECTIVE_COMMAND_POLICY,
    systemMay: () => false,
    credentials: [{ ids: 'inspectorIds', credentials: 'inspectors' }],
  },
  events: {
    schemaVersion: DIRECTIVE_EVENT_SCHEMA_VERSION,
    payloadSchemas: directiveEventPayloadSchemas,
    labels: DIRECTIVE_EVENT_LABELS,
    parse: parseDirectiveEvent,
  },
  stages: { all: DIRECTIVE_STAGES, label: directiveStageLabel },
  initialState: initialDirectiveState,
  evolve: evolveDirective,
  decide: decideDirective,
  nextWakeUp: nextDirectiveWakeUp,
  isClosed: (state) => state.status === 'closed',
  stageOf: directiveStage,
  sectionOf: () => 'special_equipment',
  projection: directiveProjection,
  moves: directiveMoves,
  effectsOf: directiveEffectsOf,
  onEscalationOutcome: (outcome) => ({
    type: 'RecordEscalationOutcome',
    escalationId: outcome.escalationId,
    outcome: outcome.outcome,
    decidedOn: outcome.decidedOn,
  }),
};
