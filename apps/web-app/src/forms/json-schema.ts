/** The part of JSON Schema (OpenAPI 3.0 flavour) the command bodies use. */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  minLength?: number;
  default?: unknown;
  nullable?: boolean;
  description?: string;
  title?: string;
  format?: string;
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const isJsonObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/** The options of a oneOf/anyOf, and the property that tells them apart (the one with a single enum value in each). */
export function variantsOf(schema: JsonSchema): { options: JsonSchema[]; key: string } | null {
  const options = schema.oneOf ?? schema.anyOf;
  if (!options || options.length === 0) return null;
  const first = options[0]?.properties ?? {};
  const key = Object.keys(first).find((k) => options.every((o) => o.properties?.[k]?.enum?.length === 1));
  return key ? { options, key } : null;
}

export const tagOf = (option: JsonSchema, key: string): string => {
  const tag = option.properties?.[key]?.enum?.[0];
  return typeof tag === 'string' ? tag : '';
};

/** A nullable object or a oneOf with null: the schema of the value when present. */
export function presentSchema(schema: JsonSchema): JsonSchema {
  const options = schema.anyOf ?? schema.oneOf;
  if (options && options.length === 2 && options.some((o) => o.type === 'null')) return options.find((o) => o.type !== 'null') ?? schema;
  return schema;
}
