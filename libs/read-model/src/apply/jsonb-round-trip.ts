/**
 * A value as PostgreSQL gives it back after storing it as jsonb: JSON.stringify's view of it (undefined dropped,
 * dates as strings...) with every object's keys in jsonb's order (shorter keys first, then byte order). A batch
 * carries a case's state from one event to the next in memory; this makes the next event evolve exactly the state
 * it would have read from the row.
 */
export function jsonbRoundTrip(value: unknown): unknown {
  return fromJsonb(JSON.stringify(value));
}

/** What PostgreSQL gives back for jsonb stored from this JSON text (JSON.stringify's). */
export function fromJsonb(text: string | undefined): unknown {
  return text === undefined ? undefined : normalize(JSON.parse(text) as unknown);
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** For ASCII keys, UTF-16 order is byte order; other keys are compared as UTF-8 bytes, as jsonb does. */
export function jsonbKeyOrder(a: string, b: string): number {
  if (isAscii(a) && isAscii(b)) return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length - y.length || Buffer.compare(x, y);
}

function inOrder(keys: string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (jsonbKeyOrder(keys[i - 1]!, keys[i]!) > 0) return false;
  return true;
}

/** In place (the value is JSON.parse's own): objects whose keys are out of jsonb's order are rebuilt. */
function normalize(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = normalize(value[i]);
    return value;
  }
  const source = value as Record<string, unknown>;
  const keys = Object.keys(source);
  if (inOrder(keys)) {
    for (const key of keys) source[key] = normalize(source[key]);
    return source;
  }
  const out: Record<string, unknown> = {};
  for (const key of keys.sort(jsonbKeyOrder)) out[key] = normalize(source[key]);
  return out;
}
