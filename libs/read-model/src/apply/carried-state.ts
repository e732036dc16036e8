import { fromJsonb, jsonbKeyOrder } from './jsonb-round-trip';

/**
 * What fromJsonb(JSON.stringify(value)) gives (the state as the next event would read it back from its jsonb row),
 * built without writing and parsing the JSON text when most of the value is already in that form: every object
 * this returns is frozen and remembered, so a later state that still holds it (a projection's evolve returns a new
 * state that shares the parts it did not change) keeps it as it is, and only the new objects are copied.
 *
 * Only for projections whose evolve, view and noticeOf never change the state they are given (CaseProjection's
 * readonlyState): a frozen object cannot change, so a remembered one is still in jsonb form when met again; an
 * attempt to change one throws (strict mode), the batch fails and its events are applied one at a time.
 */
export function carriedState(value: unknown): unknown {
  const carried = carry(value, '');
  return carried === OMITTED ? undefined : carried;
}

const OMITTED = Symbol('omitted');
const inJsonbForm = new WeakSet<object>();

function remember<T extends object>(value: T): T {
  Object.freeze(value);
  inJsonbForm.add(value);
  return value;
}

/** What JSON.stringify does with `value` met under `key` (OMITTED: left out of an object, null in an array). */
function carry(value: unknown, key: string): unknown {
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
      if (inJsonbForm.has(value)) return value;
      if (isPlainArray(value)) return carryArray(value);
      if (isPlainObject(value)) return carryObject(value);
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
function carryArray(source: readonly unknown[]): unknown[] {
  const out = new Array<unknown>(source.length);
  for (let i = 0; i < source.length; i++) out[i] = orNull(carry(source[i], String(i)));
  return remember(out);
}

/** Objects JSON.stringify writes key by key without calling a toJSON (no Date, no class instance). */
function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && !('toJSON' in value) && !Object.hasOwn(value, '__proto__');
}

function carryObject(source: Record<string, unknown>): Record<string, unknown> {
  const keys: string[] = [];
  const values: unknown[] = [];
  for (const key of Object.keys(source)) {
    const carried = carry(source[key], key);
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
  return remember(out);
}

function inJsonbOrder(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (jsonbKeyOrder(keys[i - 1]!, keys[i]!) > 0) return false;
  return true;
}

/** Anything else (a Date, a class instance, a boxed number...) through the text, as JSON.stringify sees it under `key`. */
function viaText(value: unknown, key: string): unknown {
  const holder = JSON.parse(JSON.stringify({ [key]: value })) as Record<string, unknown>;
  if (!Object.hasOwn(holder, key)) return OMITTED;
  return deepRemember(fromJsonb(JSON.stringify(holder[key])));
}

function deepRemember(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  for (const child of Object.values(value)) deepRemember(child);
  return remember(value);
}
