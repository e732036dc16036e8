/** Money: the API counts fen (分, integers); people read and write yuan (元). */

/** 12345 → "123.45" (exact: integer arithmetic, no floating point). */
export function yuanOf(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  return `${sign}${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}

/** "123.45" / "1,234" / "¥5" → fen, or null when it is not an amount of yuan with at most two decimals. */
export function fenOf(text: string): number | null {
  const m = /^\s*¥?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  const whole = Number((m[1] ?? '0').replace(/,/g, ''));
  const cents = Number((m[2] ?? '').padEnd(2, '0'));
  const fen = whole * 100 + cents;
  return Number.isSafeInteger(fen) ? fen : null;
}

/** A field that carries fen, by the API's naming (…Fen). */
export const isFenField = (name: string): boolean => /Fen$/.test(name);

/**
 * A refusal's text with its amounts in yuan: the rules speak in fen ("罚款 500000 分 … 30000–300000 分"); a form that
 * takes yuan shows "罚款 ¥5,000.00 … ¥300.00–¥3,000.00".
 */
export function inYuan(message: string): string {
  return message
    .replace(/(\d+)\s*[–-]\s*(\d+)\s*分/g, (_, a: string, b: string) => `¥${yuanOf(Number(a))}–¥${yuanOf(Number(b))}`)
    .replace(/(\d+)\s*分/g, (_, a: string) => `¥${yuanOf(Number(a))}`)
    .replace(/(\d+)\s*fen\b/gi, (_, a: string) => `¥${yuanOf(Number(a))}`);
}
