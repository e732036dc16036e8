import { DATE_PATTERN, isJsonObject, tagOf, variantsOf, type Json, type JsonObject, type JsonSchema } from './json-schema';
import { todayInBeijing } from '../time';

/** The choice a new form starts on where a oneOf offers several (the common case, not the first listed). */
const PREFERRED_VARIANT: Record<string, string> = { outcome: 'penalty', penalty: 'fine' };
/** Fields listing people: the person filling the form is the first of them. */
const PEOPLE = new Set(['officerIds', 'handlerIds', 'inspectorIds']);

/**
 * Fields the server fills in itself: the credentials of the people named (officers, handlers, inspectors: looked up from
 * the accounts, whatever a client sends is replaced) and a child case's parent (set by the parent's workflow).
 */
const FILLED_BY_SERVER = new Set(['officers', 'handlers', 'inspectors', 'parent']);
export const serverFilled = (schema: JsonSchema, name: string): boolean =>
  FILLED_BY_SERVER.has(name) || /server|服务器/.test(schema.description ?? '');

/** A form's starting value from the schema: today for dates, the first choice, the schema's defaults, me among the people. */
export function defaultsOf(schema: JsonSchema, name: string, required: boolean, me: string): Json | undefined {
  if (schema.default !== undefined) return schema.default as Json;
  const variants = variantsOf(schema);
  if (variants) {
    if (!required) return undefined;
    const wanted = PREFERRED_VARIANT[name];
    const chosen = variants.options.find((o) => tagOf(o, variants.key) === wanted) ?? variants.options[0];
    return chosen ? defaultsOf(chosen, name, true, me) : undefined;
  }
  if (schema.type === 'object' && schema.properties) {
    if (!required) return undefined;
    const out: JsonObject = {};
    for (const [prop, sub] of Object.entries(schema.properties)) {
      if (prop === 'type' || serverFilled(sub, prop)) continue;
      const v = defaultsOf(sub, prop, (schema.required ?? []).includes(prop), me);
      if (v !== undefined) out[prop] = v;
    }
    return out;
  }
  if (schema.enum) return required ? (schema.enum[0] as Json) : undefined;
  if (schema.type === 'string' && schema.pattern === DATE_PATTERN) return required ? todayInBeijing() : undefined;
  if (schema.type === 'boolean') return required ? false : undefined;
  if (schema.type === 'array' && PEOPLE.has(name) && required) return [me];
  return undefined;
}

/** A body without the fields left empty (undefined), as JSON sends it. */
export function cleaned(value: Json | undefined): Json | undefined {
  if (Array.isArray(value)) return value.map((v) => cleaned(v) ?? null);
  if (isJsonObject(value)) {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) {
      const c = cleaned(v);
      if (c !== undefined) out[k] = c;
    }
    return out;
  }
  return value;
}
