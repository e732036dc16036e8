export * from './principal';
export * from './command-policy';
export * from './authorize';
