import { z } from 'zod';
import { dayOfWeek, isoDateSchema, type IsoDate } from '../shared/iso-date';

/**
 * Where a year's working-day arrangement comes from:
 * - `notice`: a State Council notice (国务院办公厅关于 YYYY 年部分节假日安排的通知) loaded by an administrator;
 * - `library`: the chinese-days package's transcription of that notice;
 * - `statutory-only`: no notice known yet, only the statutory holidays of 全国年节及纪念日放假办法
 *   (no bridging days, no adjusted working weekends, no 补假), so every day of the year is uncertain.
 */
const calendarYearSourceSchema = z.enum(['notice', 'library', 'statutory-only']);
export type CalendarYearSource = z.infer<typeof calendarYearSourceSchema>;

/** One calendar year of the working-day calendar. Plain JSON: it travels in workflow inputs and signals. */
export interface CalendarYear {
  year: number;
  source: CalendarYearSource;
  /** which notice, library version or statute the year was taken from, for the record */
  sourceNote: string;
  /** rest days that fall on Mon–Fri, plus statutory holidays on any day (sorted, all inside `year`) */
  holidays: IsoDate[];
  /** adjusted working weekends (调休上班), all Saturdays or Sundays inside `year` (sorted) */
  workdays: IsoDate[];
}

/** The working-day calendar as data, built outside workflows (it needs chinese-days) and read inside them. */
export interface CalendarSnapshot {
  /** consecutive years, ascending */
  years: CalendarYear[];
  /** last date covered by a notice or the library, contiguously from the first year; later days are provisional */
  horizon: IsoDate;
}

/**
 * The last day of the last year that is `notice` or `library` with no `statutory-only` year before it.
 * If the first year is already `statutory-only`, the day before it: nothing in the snapshot is certain.
 */
export function snapshotHorizon(years: readonly Pick<CalendarYear, 'year' | 'source'>[]): IsoDate {
  const first = years[0];
  if (first === undefined) throw new RangeError('a calendar snapshot needs at least one year');
  let lastCertainYear = first.year - 1;
  for (const y of years) {
    if (y.source === 'statutory-only' || y.year !== lastCertainYear + 1) break;
    lastCertainYear = y.year;
  }
  return `${String(lastCertainYear).padStart(4, '0')}-12-31`;
}

function isWeekend(d: IsoDate): boolean {
  const w = dayOfWeek(d);
  return w === 0 || w === 6;
}

const calendarYearSchema = z
  .object({
    year: z.number().int().min(1900).max(2199),
    source: calendarYearSourceSchema,
    sourceNote: z.string().min(1),
    holidays: z.array(isoDateSchema),
    workdays: z.array(isoDateSchema),
  })
  .superRefine((y, ctx) => {
    const prefix = `${y.year}-`;
    const holidays = new Set(y.holidays);
    y.holidays.forEach((d, i) => {
      if (!d.startsWith(prefix)) ctx.addIssue({ code: 'custom', path: ['holidays', i], message: `${d} is not in ${y.year}` });
    });
    y.workdays.forEach((d, i) => {
      if (!d.startsWith(prefix)) ctx.addIssue({ code: 'custom', path: ['workdays', i], message: `${d} is not in ${y.year}` });
      if (!isWeekend(d))
        ctx.addIssue({
          code: 'custom',
          path: ['workdays', i],
          message: `${d} is not a Saturday or Sunday; only weekends can be adjusted working days`,
        });
      if (holidays.has(d))
        ctx.addIssue({ code: 'custom', path: ['workdays', i], message: `${d} is listed both as a holiday and as a working day` });
    });
    if (y.source === 'statutory-only' && y.workdays.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['workdays'], message: 'a statutory-only year cannot know adjusted working days' });
    }
  });

export const calendarSnapshotSchema = z
  .object({
    years: z.array(calendarYearSchema).min(1),
    horizon: isoDateSchema,
  })
  .superRefine((s, ctx) => {
    s.years.forEach((y, i) => {
      const prev = s.years[i - 1];
      if (prev !== undefined && y.year !== prev.year + 1) {
        ctx.addIssue({ code: 'custom', path: ['years', i, 'year'], message: `years must be consecutive: ${y.year} follows ${prev.year}` });
      }
    });
    if (s.years.length > 0 && s.horizon !== snapshotHorizon(s.years)) {
      ctx.addIssue({
        code: 'custom',
        path: ['horizon'],
        message: `horizon ${s.horizon} does not match the years' sources (expected ${snapshotHorizon(s.years)})`,
      });
    }
  }) satisfies z.ZodType<CalendarSnapshot>;
