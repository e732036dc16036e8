import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DefaultLogger, Runtime, type LogLevel as TemporalLogLevel } from '@temporalio/worker';
import { loadConfig, type LogLevel } from '@qts/config';
import { nestLogLevels } from '@qts/nest-support';
import { WorkerModule } from './worker.module';

const TEMPORAL_LEVEL: Record<LogLevel, TemporalLogLevel> = { error: 'ERROR', warn: 'WARN', info: 'INFO', debug: 'DEBUG' };

async function main(): Promise<void> {
  const config = loadConfig();
  Runtime.install({ logger: new DefaultLogger(TEMPORAL_LEVEL[config.logLevel]) });
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: nestLogLevels(config.logLevel) });
  app.enableShutdownHooks();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
