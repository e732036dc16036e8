export * from './deadline-record';
export * from './deadline-of';
export * from './notice-dates';
export * from './notices';
export * from './recompute';
