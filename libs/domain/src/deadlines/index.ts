export * from './deadline-record';
export * from './notices';
