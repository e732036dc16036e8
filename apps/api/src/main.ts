import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import { loadConfig } from '@qts/config';
import { nestLogLevels } from '@qts/nest-support';
import { AppModule } from './app.module';
import { correlationIdMiddleware } from './correlation-id';
import { bodyParserErrors } from './errors/body-parser-errors';
import { refuseUnstorableUrl } from './errors/unstorable-url';
import { openApiDocument } from './openapi/openapi-document';
import { securityHeaders, trustProxySetting } from './security-headers';
import { serveWebApp } from './web-app';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { logger: nestLogLevels(config.logLevel) });
  app.enableShutdownHooks();
  // before anything can fail (a body too large or not JSON): every answer has a correlation id and the headers
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxySetting(config.api.trustProxy));
  app.use(correlationIdMiddleware);
  app.use(securityHeaders());
  app.use(refuseUnstorableUrl);
  app.useBodyParser('json', { limit: config.api.bodyLimitBytes });
  app.use(bodyParserErrors);
  // the web app (apps/web-app, built) at /, its pages' deep links answered with its index.html
  serveWebApp(app);
  SwaggerModule.setup('api/docs', app, openApiDocument(app));
  await app.listen(config.api.port, config.api.host);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
