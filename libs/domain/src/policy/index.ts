export * from './period';
export * from './effective-dated';
export * from './penalty-rules';
export * from './penalty-rule-set';
export * from './penalty-provisions';
export * from './discretion';
export * from './escalation-rules';
