import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { openApiDocument } from './openapi-document';

/**
 * Writes the OpenAPI document /api/docs-json serves to a file, without a running server or any service (the module
 * graph in preview: routes and schemas, no connections). The web app's API client is generated from it.
 * Usage: node apps/api/dist/openapi/write-document.js <out.json>
 */
async function main(out: string | undefined): Promise<void> {
  if (!out) throw new Error('usage: write-document <out.json>');
  const app = await NestFactory.create(AppModule, { preview: true, logger: false });
  const doc = openApiDocument(app);
  await app.close();
  writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
}

main(process.argv[2]).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
