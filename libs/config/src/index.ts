export { LOG_LEVELS, type LogLevel } from './env-schema';
export { ConfigError, loadConfig, type AppConfig } from './load-config';
export { DEAD_LETTER_SUFFIX, topicNames, type TopicNames } from './topics';
