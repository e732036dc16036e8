export * from './principal';
export * from './command-policy';
export * from './authorize';
export * from './read-scope';
