// The workflow bundle of the escalation tests: the real workflows plus the test-only parent case.
export * from '@qts/workflows';
export * from './escalation-parent.workflow';
