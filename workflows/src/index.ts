export * from './kernel/definitions';
export * from './kernel/search-attributes';
export * from './penalty-case/definitions';
export { penaltyCaseWorkflow } from './penalty-case/workflow';
export {
  ESCALATION_REPLY_CHANNEL,
  type EscalationOutcome,
  type EscalationInput,
  type EscalationCommandRequest,
  type EscalationCommandResult,
} from './escalation/definitions';
export { escalationCommandUpdate, escalationStateQuery } from './escalation/definitions';
export type { EscalationActivities } from './escalation/activities-contract';
export { escalationWorkflow } from './escalation/workflow';
export { recallWorkflow } from './recall/workflow';
export { directiveWorkflow } from './directive/workflow';
export { accidentWorkflow } from './accident/workflow';
