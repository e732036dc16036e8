import { fromJsonb, jsonbKeyOrder } from './jsonb-round-trip';

/**
 * What fromJsonb(JSON.stringify(value)) gives (the state as the next event would read it back from its jsonb row),
 * built without writing and parsing JSON text. Every object it returns is frozen. `previous`, when given, must be a
 * value carriedState returned (the state evolve was given to produce `value`): an object of `value` found at the
 * same place in `previous` is that frozen object, unchanged and already in jsonb form, and is kept as it is (a
 * projection's evolve returns a new state that shares the parts it did not change), so only new objects are copied.
 *
 * Only for projections whose evolve, view and noticeOf never change the state they are given (CaseProjection's
 * readonlyState): an attempt to change a frozen state throws (strict mode), the batch fails and its events are
 * applied one at a time.
 */
export function carriedState(value: unknown, previous?: unknown): unknown {
  const carried = carry(value, '', previous);
  return carried === OMITTED ? undefined : carried;
}

const OMITTED = Symbol('omitted');

/**
 * What JSON.stringify does with `value` met under `key` (OMITTED: left out of an object, null in an array);
 * `previous` is what the previous carried state holds at the same place.
 */
function carry(value: unknown, key: string, previous: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      // JSON has no -0, NaN or Infinity: "0" and null
      return Number.isFinite(value) ? value + 0 : null;
    case 'undefined':
    case 'function':
    case 'symbol':
      return OMITTED;
    case 'object':
      if (value === null) return null;
      if (value === previous) return value;
      if (isPlainArray(value)) return carryArray(value, Array.isArray(previous) ? previous : undefined);
      if (isPlainObject(value)) return carryObject(value, isObject(previous) ? previous : undefined);
      return viaText(value, key);
    case 'bigint':
      // JSON.stringify throws, unless a toJSON was added to BigInt.prototype
      return viaText(value, key);
  }
}

function orNull(value: unknown): unknown {
  return value === OMITTED ? null : value;
}

function isPlainArray(value: object): value is unknown[] {
  return Array.isArray(value) && Object.getPrototypeOf(value) === Array.prototype && !('toJSON' in value);
}

/** Every index up to the length (a hole is null, as JSON.stringify writes it). */
function carryArray(source: readonly unknown[], previous: readonly unknown[] | undefined): unknown[] {
  const out = new Array<unknown>(source.length);
  for (let i = 0; i < source.length; i++) out[i] = orNull(carry(source[i], String(i), previous?.[i]));
  return Object.freeze(out) as unknown[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Objects JSON.stringify writes key by key without calling a toJSON (no Date, no class instance). */
function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && !('toJSON' in value) && !Object.hasOwn(value, '__proto__');
}

function carryObject(source: Record<string, unknown>, previous: Record<string, unknown> | undefined): Record<string, unknown> {
  const keys: string[] = [];
  const values: unknown[] = [];
  for (const key of Object.keys(source)) {
    const carried = carry(source[key], key, previous && Object.hasOwn(previous, key) ? previous[key] : undefined);
    if (carried === OMITTED) continue;
    keys.push(key);
    values.push(carried);
  }
  const out: Record<string, unknown> = {};
  if (inJsonbOrder(keys)) keys.forEach((key, i) => (out[key] = values[i]));
  else {
    const order = keys.map((_, i) => i).sort((a, b) => jsonbKeyOrder(keys[a]!, keys[b]!));
    for (const i of order) out[keys[i]!] = values[i];
  }
  return Object.freeze(out);
}

function inJsonbOrder(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (jsonbKeyOrder(keys[i - 1]!, keys[i]!) > 0) return false;
  return true;
}

/** Anything else (a Date, a class instance, a boxed number...) through the text, as JSON.stringify sees it under `key`. */
function viaText(value: unknown, key: string): unknown {
  const holder = JSON.parse(JSON.stringify({ [key]: value })) as Record<string, unknown>;
  if (!Object.hasOwn(holder, key)) return OMITTED;
  return deepFreeze(fromJsonb(JSON.stringify(holder[key])));
}

function deepFreeze(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}
