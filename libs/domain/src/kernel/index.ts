export * from './labels';
export * from './effects';
export * from './escalation-outcome';
export * from './case-process';
export * from './registry';
export * from './command-types';
export * from './outbound-document';
export * from './moves';
