export * from './period';
export * from './effective-dated';
export * from './penalty-rules';
export * from './penalty-provisions';
export * from './discretion';
export * from './escalation-rules';
export * from './recall-rules';
export * from './accident-rules';
