import type { JsonSchema } from './json-schema';

let doc: Promise<{ paths?: Record<string, Record<string, unknown>> }> | null = null;

/**
 * The request-body schema of each command type a route takes, from the OpenAPI document the server serves (the zod
 * schemas that validate the commands): the forms are generated from them, so a field added on the server shows up here.
 */
export async function commandSchemas(route: string): Promise<Record<string, JsonSchema>> {
  doc ??= fetch('/api/docs-json').then((r) => r.json() as Promise<{ paths?: Record<string, Record<string, unknown>> }>);
  const post = (await doc).paths?.[route]?.['post'] as { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } } | undefined;
  const body = post?.requestBody?.content?.['application/json']?.schema ?? {};
  const options = body.oneOf ?? [body];
  return Object.fromEntries(
    options.flatMap((o) => {
      const type = o.properties?.['type']?.enum?.[0];
      return typeof type === 'string' ? [[type, o] as const] : [];
    }),
  );
}
