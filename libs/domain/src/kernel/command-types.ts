import type { z } from 'zod';

interface Def {
  type: string;
  options?: z.ZodType[];
  shape?: Record<string, z.ZodType>;
  values?: unknown[];
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The `type` literals a command schema accepts: one object, or a (discriminated) union of objects. */
export function commandTypesOf(schema: z.ZodType): string[] {
  const def = defOf(schema);
  if (def.type === 'union') return (def.options ?? []).flatMap(commandTypesOf);
  if (def.type === 'object') {
    const type = def.shape?.['type'];
    if (!type) throw new Error('a command schema without a type field');
    return (defOf(type).values ?? []).map(String);
  }
  throw new Error(`commandTypesOf: unexpected zod type ${def.type}`);
}
