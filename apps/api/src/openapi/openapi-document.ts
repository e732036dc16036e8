import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';

/** The OpenAPI document the API serves at /api/docs-json (and the docs page at /api/docs). */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const doc = new DocumentBuilder()
    .setTitle('区质量技术监督局 案件工作流 API')
    .setDescription('Case-workflow API of a district Quality & Technical Supervision Bureau. 中文优先 / Chinese first.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  return cleanupOpenApiDoc(SwaggerModule.createDocument(app, doc));
}
