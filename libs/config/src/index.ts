export type { LogLevel } from './env-schema';
export { ConfigError, loadConfig, type AppConfig, type AuthConfig } from './load-config';
export { DEAD_LETTER_SUFFIX, topicNames, type TopicNames } from './topics';
