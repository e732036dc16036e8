import type { z } from 'zod';

/** The longest free text any command may carry (a description, findings, minutes); names and titles have their own. */
const MAX_TEXT_LENGTH = 8000;

/**
 * Characters PostgreSQL cannot store in text (U+0000) or a printed document cannot hold: other C0 controls except tab
 * and line breaks, DEL and the C1 controls, the non-characters U+FFFE/U+FFFF, and halves of a surrogate pair.
 * Matched on UTF-16 code units (no `u` flag) so that a lone surrogate is found.
 */
const UNSTORABLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function codePointName(unit: number): string {
  return `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why a string cannot be kept as the record of a case, or null when it can. */
export function unstorableText(text: string): string | null {
  const hit = UNSTORABLE.exec(text);
  if (hit) {
    const unit = text.charCodeAt(hit.index);
    return `含有无法保存或打印的字符 ${codePointName(unit)}（第 ${hit.index + 1} 个字符）/ contains ${codePointName(unit)} at character ${hit.index + 1}, which cannot be stored or printed`;
  }
  if (text.length > MAX_TEXT_LENGTH)
    return `文字过长（${text.length} 字，上限 ${MAX_TEXT_LENGTH}）/ too long: ${text.length} characters, at most ${MAX_TEXT_LENGTH}`;
  return null;
}

function walk(value: unknown, path: (string | number)[], ctx: z.core.$RefinementCtx): void {
  if (typeof value === 'string') {
    const why = unstorableText(value);
    if (why) ctx.addIssue({ code: 'custom', path, message: why, input: value });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, [...path, i], ctx));
    return;
  }
  if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, [...path, key], ctx);
}

/**
 * Every string anywhere in a command must be storable and printable: refused with the field named, before anything
 * is decided, so a bad character can never reach an event the read model cannot hold.
 */
export function storableText<T extends z.ZodType>(schema: T): T {
  return schema.superRefine((value, ctx) => walk(value, [], ctx));
}
