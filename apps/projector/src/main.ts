import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@qts/config';
import { nestLogLevels } from '@qts/nest-support';
import { registerExtraProjections } from './extra-projections';
import { ProjectorModule } from './projector.module';
import { ProjectorService } from './projector.service';

/** The projector: a NestJS standalone application; SIGTERM stops it after the message in hand. */
async function main(): Promise<void> {
  const config = loadConfig();
  Logger.overrideLogger(nestLogLevels(config.logLevel));
  const logger = new Logger('projector');
  const added = await registerExtraProjections(config.projector.extraProjectionModules);
  if (added.length > 0) logger.log(`extra projections: ${added.join(', ')}`);
  const app = await NestFactory.createApplicationContext(ProjectorModule.forConfig(config), { logger: nestLogLevels(config.logLevel) });
  app.enableShutdownHooks();
  const err = await app.get(ProjectorService).failure;
  logger.error(`consumer stopped: ${err.message}`);
  await app.close();
  process.exit(1);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
