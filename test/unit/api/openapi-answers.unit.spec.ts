import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { AppModule } from '../../../apps/api/src/app.module';
import { openApiDocument } from '../../../apps/api/src/openapi/openapi-document';

interface Operation {
  requestBody?: unknown;
  parameters?: { in: string; name: string }[];
  responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
}

/** The routes anyone may call: no 401/403 to declare. */
const PUBLIC = new Set(['GET /health', 'POST /api/auth/login', 'POST /api/auth/refresh']);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
/** /health answers 503 with its own report (a service down), not with an error of the request. */
const REPORT_NOT_ERROR = new Set(['GET /health 503']);

let doc: OpenAPIObject;

beforeAll(async () => {
  // preview: the module graph and its routes without connecting to any service
  const app = await NestFactory.create(AppModule, { preview: true, logger: false });
  doc = openApiDocument(app);
  await app.close();
});

function operations(): [string, Operation][] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.flatMap((m) => {
      const op = (item as Record<string, Operation | undefined>)[m];
      return op ? [[`${m.toUpperCase()} ${path}`, op] as [string, Operation]] : [];
    }),
  );
}

/** the answer's schema: JSON, or for a document download (the printed 指令书) its own media type */
const schemaOf = (op: Operation, status: string) => {
  const content = op.responses[status]?.content;
  return content?.['application/json']?.schema ?? content?.['application/pdf']?.schema;
};

/** What /api/docs-json promises: each answer with its schema, so clients and the fuzz tier can check the API against it. */
describe('the OpenAPI document declares every answer', () => {
  it('covers the API (a route per controller at least)', () => {
    expect(operations().length).toBeGreaterThan(30);
  });

  it('gives every operation one success answer with a schema', () => {
    const lacking = operations().flatMap(([name, op]) => {
      const success = Object.keys(op.responses).filter((s) => s.startsWith('2'));
      const schema = success.length === 1 ? schemaOf(op, success[0] ?? '') : undefined;
      return success.length === 1 && schema && Object.keys(schema).length > 0 ? [] : [`${name}: success ${success.join(',') || 'none'}`];
    });
    expect(lacking).toEqual([]);
  });

  it('declares the error answers each operation can give, in the one error shape', () => {
    const lacking = operations().flatMap(([name, op]) => {
      const statuses = Object.keys(op.responses);
      const needed = [
        // text in any URL (path or query, known parameter or not) is checked before the route is
        '400',
        ...(PUBLIC.has(name) ? [] : ['401', '403']),
        // the JSON body parser reads a POST/PUT body whether or not the route takes one
        ...(op.requestBody || /^(POST|PUT) /.test(name) ? ['400', '413', '415'] : []),
      ];
      const missing = needed.filter((s) => !statuses.includes(s));
      const errors = statuses.filter((s) => s >= '400' && !REPORT_NOT_ERROR.has(`${name} ${s}`));
      const unshaped = errors.filter((s) => {
        const required = schemaOf(op, s)?.['required'];
        return !Array.isArray(required) || !['code', 'message', 'details', 'correlationId'].every((k) => required.includes(k));
      });
      return [
        ...(missing.length > 0 ? [`${name}: lacks ${missing.join(', ')}`] : []),
        ...(unshaped.length > 0 ? [`${name}: ${unshaped.join(', ')} not in the error shape`] : []),
      ];
    });
    expect(lacking).toEqual([]);
  });

  it('has only schemas a validator compiles (OpenAPI 3.0 with nullable)', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const broken = operations().flatMap(([name, op]) =>
      Object.keys(op.responses).flatMap((status) => {
        const schema = schemaOf(op, status);
        if (!schema) return [];
        try {
          ajv.compile(schema);
          return [];
        } catch (err) {
          return [`${name} ${status}: ${String(err)}`];
        }
      }),
    );
    expect(broken).toEqual([]);
  });
});
