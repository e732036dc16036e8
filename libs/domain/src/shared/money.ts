import { z } from 'zod';

/** Money is held as integer fen (分); yuan only appear at the edges. */
export type Fen = number;

export const fenSchema = z.number().int('amounts are whole fen').nonnegative('amounts cannot be negative');

export function yuan(y: number): Fen {
  return Math.round(y * 100);
}

export function fenToYuanString(f: Fen): string {
  const sign = f < 0 ? '-' : '';
  const abs = Math.abs(f);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** basis points of an amount, rounded down to whole fen (never over-charge the party). */
export function applyBasisPoints(amount: Fen, basisPoints: number): Fen {
  return Math.floor((amount * basisPoints) / 10_000);
}
