export * from './penalty-case/definitions';
export { penaltyCaseWorkflow } from './penalty-case/workflow';
export * from './escalation/definitions';
export type { EscalationActivities } from './escalation/activities-contract';
export { escalationWorkflow } from './escalation/workflow';
