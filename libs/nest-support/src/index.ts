export { APP_CONFIG, appConfigProvider } from './app-config';
export { nestLogLevels } from './nest-log-levels';
export { PG_SESSION_OPTIONS, PgPool } from './pg-pool';
export { untilReady, type ReadinessLog, type ReadinessOptions } from './until-ready';
