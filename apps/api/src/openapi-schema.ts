import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { z } from 'zod';

/** OpenAPI 3.0 lists null among an enum's values when the schema is nullable (zod leaves it out; validators need it). */
function nullInNullableEnums<T>(node: T): T {
  if (Array.isArray(node)) node.forEach(nullInNullableEnums);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o['nullable'] === true && Array.isArray(o['enum']) && !o['enum'].includes(null)) o['enum'].push(null);
    Object.values(o).forEach(nullInNullableEnums);
  }
  return node;
}

/** The same zod schema that validates a body documents it in OpenAPI. */
export function openApiSchema(schema: z.ZodType): SchemaObject {
  return nullInNullableEnums(z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) as SchemaObject);
}

/**
 * An answer's schema, from the zod schema its handler's return type is checked against (`io: 'output'`: what the
 * server sends; objects list their properties exactly, so a field added to the answer but not to the schema fails).
 */
export function openApiAnswerSchema(schema: z.ZodType): SchemaObject {
  return nullInNullableEnums(z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'output', unrepresentable: 'any' }) as SchemaObject);
}
