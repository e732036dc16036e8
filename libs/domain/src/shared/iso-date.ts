import { z } from 'zod';

/** A legal date (a day in Asia/Shanghai), written YYYY-MM-DD. Acts and deadlines are dates, not instants. */
export type IsoDate = string;

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => {
    const t = toUtcDate(s);
    return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === s;
  }, 'not a real calendar date');

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

export function toUtcDate(d: IsoDate): Date {
  return new Date(`${d}T00:00:00.000Z`);
}

export function fromUtcDate(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

export function addDays(d: IsoDate, n: number): IsoDate {
  const t = toUtcDate(d);
  t.setUTCDate(t.getUTCDate() + n);
  return fromUtcDate(t);
}

/** Same day-of-month n months later; a missing day (31 Feb) falls to the month's last day. */
export function addMonths(d: IsoDate, n: number): IsoDate {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + n, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return fromUtcDate(target);
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtcDate(b).getTime() - toUtcDate(a).getTime()) / 86_400_000);
}

export function dayOfWeek(d: IsoDate): number {
  return toUtcDate(d).getUTCDay();
}

/** The legal date (Asia/Shanghai) of an instant. */
export function shanghaiDate(instant: Date | number): IsoDate {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a legal date starts in Asia/Shanghai. */
export function startOfShanghaiDay(d: IsoDate): number {
  return toUtcDate(d).getTime() - SHANGHAI_OFFSET_MS;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}
