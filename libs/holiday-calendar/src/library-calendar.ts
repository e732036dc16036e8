import { z } from 'zod';
import libraryData from 'chinese-days/dist/chinese-days.json';
import { version as libraryVersion } from 'chinese-days/package.json';
import type { IsoDate } from '@qts/domain';

/**
 * chinese-days ships its transcription of the State Council notices as a documented JSON file
 * (dist/chinese-days.json: date → "English,中文,days"). It is read directly rather than through the
 * package's date functions, which parse dates as UTC but read them back in local time and so shift
 * by a day when the process runs west of UTC.
 */
const data = z
  .object({
    holidays: z.record(z.string(), z.string()),
    workdays: z.record(z.string(), z.string()),
  })
  .parse(libraryData);

export const LIBRARY_NAME = `chinese-days@${libraryVersion}`;

export interface LibraryYear {
  /** every rest day the notice gives (weekends inside a holiday block included) */
  restDays: IsoDate[];
  /** adjusted working days (调休上班) */
  workdays: IsoDate[];
}

function inYear(dict: Record<string, string>, year: number): IsoDate[] {
  const prefix = `${year}-`;
  return Object.keys(dict)
    .filter((d) => d.startsWith(prefix))
    .sort();
}

/**
 * A year counts as covered when the library lists both its first and its last statutory holiday
 * (元旦 and 国庆节), i.e. it has transcribed that year's whole notice, not a stray date from a neighbour.
 */
function libraryCovers(year: number): boolean {
  return `${year}-01-01` in data.holidays && `${year}-10-01` in data.holidays;
}

/** The years chinese-days has a State Council notice for (2004–2026 in 1.5.7). */
export function libraryYears(): number[] {
  const years = new Set(Object.keys(data.holidays).map((d) => Number(d.slice(0, 4))));
  return [...years].filter(libraryCovers).sort((a, b) => a - b);
}

export function libraryYear(year: number): LibraryYear | undefined {
  if (!libraryCovers(year)) return undefined;
  return { restDays: inYear(data.holidays, year), workdays: inYear(data.workdays, year) };
}
