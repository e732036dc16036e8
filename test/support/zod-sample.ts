import type { z } from 'zod';

/** Candidate values tried, in order, for a scalar schema: the first the schema accepts is the sample. */
const STRINGS = ['2027-01-04', 'sample', 'officer-li', '2027-01-04T08:00:00.000Z', 'S-0001'];
const NUMBERS = [1, 100, 0];

interface Def {
  type: string;
  [key: string]: unknown;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

function firstAccepted(schema: z.ZodType, candidates: readonly unknown[]): unknown {
  const hit = candidates.find((c) => schema.safeParse(c).success);
  if (hit === undefined) throw new Error(`no sample value fits ${defOf(schema).type} schema`);
  return hit;
}

/**
 * A value the schema accepts, with every optional field present (so a handler sees the fullest payload): for
 * conformance checks over every event and command of every process, without hand-written fixtures.
 */
export function sampleOf(schema: z.ZodType): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return firstAccepted(schema, STRINGS);
    case 'number':
    case 'int':
    case 'bigint':
      return firstAccepted(schema, NUMBERS);
    case 'boolean':
      return true;
    case 'literal':
      return (def['values'] as unknown[])[0];
    case 'enum':
      return Object.values(def['entries'] as Record<string, unknown>)[0];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return sampleOf(def['innerType'] as z.ZodType);
    case 'pipe':
      return sampleOf(def['in'] as z.ZodType);
    case 'array': {
      const item = sampleOf(def['element'] as z.ZodType);
      return firstAccepted(schema, [[item], [item, item], [item, item, item]]);
    }
    case 'object':
      return Object.fromEntries(Object.entries(def['shape'] as Record<string, z.ZodType>).map(([k, v]) => [k, sampleOf(v)]));
    case 'union':
      return sampleOf((def['options'] as z.ZodType[])[0] as z.ZodType);
    case 'record':
    case 'unknown':
    case 'any':
      return {};
    default:
      throw new Error(`sampleOf: no sample for zod type ${def.type}`);
  }
}

export { commandTypesOf } from '@qts/domain';

/** One sample per command type of a command schema (each option of a discriminated union). */
export function commandSamplesOf(schema: z.ZodType): { type: string; sample: { type: string } }[] {
  const def = defOf(schema);
  const options = def.type === 'union' ? (def['options'] as z.ZodType[]) : [schema];
  return options.map((option) => {
    const sample = sampleOf(option) as { type: string };
    return { type: sample.type, sample };
  });
}

type Path = (string | number)[];

/** The paths of every string and of every object (the root included) inside a sample value. */
export function pathsOf(value: unknown, path: Path = []): { strings: Path[]; objects: Path[] } {
  if (typeof value === 'string') return { strings: [path], objects: [] };
  const out = { strings: [] as Path[], objects: [] as Path[] };
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v] as [number, unknown])
    : value && typeof value === 'object'
      ? Object.entries(value)
      : [];
  if (value && typeof value === 'object' && !Array.isArray(value)) out.objects.push(path);
  for (const [key, item] of entries) {
    const inner = pathsOf(item, [...path, key]);
    out.strings.push(...inner.strings);
    out.objects.push(...inner.objects);
  }
  return out;
}

/** A deep copy of `value` with `update` applied to what sits at `path`. */
export function withAt(value: unknown, path: Path, update: (at: unknown) => unknown): unknown {
  if (path.length === 0) return update(value);
  const [head, ...rest] = path as [string | number, ...Path];
  if (Array.isArray(value)) return (value as unknown[]).map((v, i) => (i === head ? withAt(v, rest, update) : v));
  const record = value as Record<string, unknown>;
  return { ...record, [head]: withAt(record[head], rest, update) };
}
