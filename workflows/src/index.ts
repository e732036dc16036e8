export * from './penalty-case/definitions';
export { penaltyCaseWorkflow } from './penalty-case/workflow';
