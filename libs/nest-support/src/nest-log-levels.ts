import type { LogLevel as NestLogLevel } from '@nestjs/common';
import type { LogLevel } from '@qts/config';

const LEVELS: Record<LogLevel, NestLogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

/** LOG_LEVEL as the Nest logger understands it. */
export function nestLogLevels(level: LogLevel): NestLogLevel[] {
  return LEVELS[level];
}
