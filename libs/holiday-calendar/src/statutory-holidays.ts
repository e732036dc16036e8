import { getLunarDate, getSolarTermDate } from 'chinese-days';
import { addDays, domainError, toUtcDate, type DomainError, type IsoDate, type StateCouncilNotice } from '@qts/domain';

/** A day that 全国年节及纪念日放假办法 makes a holiday for all citizens (全体公民放假的节日). */
export interface StatutoryHoliday {
  name: string;
  date: IsoDate;
}

interface StatuteVersion {
  firstYear: number;
  label: string;
  /** the Spring Festival days, as offsets from 正月初一 (-1 = 除夕) */
  springFestival: readonly number[];
  labourDays: number;
  /** 清明节, 端午节 and 中秋节 became holidays in 2008 */
  traditionalFestivals: boolean;
}

/** The revisions of 全国年节及纪念日放假办法, newest first. */
const STATUTE_VERSIONS: readonly StatuteVersion[] = [
  {
    firstYear: 2025,
    label: '2024年11月10日修订（国务院令第795号），2025年1月1日起施行',
    springFestival: [-1, 0, 1, 2],
    labourDays: 2,
    traditionalFestivals: true,
  },
  {
    firstYear: 2014,
    label: '2013年12月11日修订，2014年1月1日起施行',
    springFestival: [0, 1, 2],
    labourDays: 1,
    traditionalFestivals: true,
  },
  {
    firstYear: 2008,
    label: '2007年12月14日修订，2008年1月1日起施行',
    springFestival: [-1, 0, 1],
    labourDays: 1,
    traditionalFestivals: true,
  },
  { firstYear: 2000, label: '1999年9月18日修订', springFestival: [0, 1, 2], labourDays: 3, traditionalFestivals: false },
];

export const MIN_STATUTE_YEAR = 2000;
export const MAX_STATUTE_YEAR = 2099;

function statuteFor(year: number): StatuteVersion {
  const version = STATUTE_VERSIONS.find((v) => v.firstYear <= year);
  if (version === undefined || !Number.isInteger(year) || year > MAX_STATUTE_YEAR) {
    throw new RangeError(`statutory holidays are only computed for ${MIN_STATUTE_YEAR}–${MAX_STATUTE_YEAR}, not ${year}`);
  }
  return version;
}

/** Which revision of 全国年节及纪念日放假办法 governs the year. */
export function statuteLabel(year: number): string {
  return `全国年节及纪念日放假办法（${statuteFor(year).label}）`;
}

/**
 * The Gregorian date of a (non-leap) lunar month/day of the lunar year that starts in `year`, searched in a
 * window of that Gregorian year. chinese-days' getLunarDate is used because its lunar fields do not depend on
 * the process time zone; its solar-from-lunar conversion does (it prints the previous day west of UTC).
 */
function lunarDay(year: number, month: number, day: number, window: readonly [string, string]): IsoDate {
  for (let d = `${year}-${window[0]}`; d <= `${year}-${window[1]}`; d = addDays(d, 1)) {
    const l = getLunarDate(d);
    if (l.lunarYear === year && l.lunarMon === month && l.lunarDay === day && !l.isLeap) return d;
  }
  throw new Error(`lunar ${year}-${month}-${day} not found between ${year}-${window[0]} and ${year}-${window[1]}`);
}

/**
 * 清明 (the solar term), as chinese-days computes it. getSolarTermDate prints a UTC-midnight date with
 * local-time getters, which west of UTC gives the day before; undo that so the result is the same anywhere.
 */
function qingming(year: number): IsoDate {
  const printed = getSolarTermDate(year, 4, 'pure_brightness');
  const next = addDays(printed, 1);
  const date = toUtcDate(next).getTimezoneOffset() > 0 ? next : printed;
  if (date < `${year}-04-03` || date > `${year}-04-06`) throw new Error(`implausible 清明 date ${date} for ${year}`);
  return date;
}

/** 正月初一. 除夕 is the day before it: the last day of the twelfth lunar month, which has 29 or 30 days. */
function lunarNewYearsDay(year: number): IsoDate {
  const day1 = lunarDay(year, 1, 1, ['01-19', '02-22']);
  const eve = getLunarDate(addDays(day1, -1));
  if (eve.lunarMon !== 12 || (eve.lunarDay !== 29 && eve.lunarDay !== 30)) throw new Error(`the day before ${day1} is not 除夕`);
  return day1;
}

/**
 * The holidays for all citizens that 全国年节及纪念日放假办法 fixes for the year, in the revision in force
 * (2025 onwards: 元旦 1, 春节 4 from 除夕, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3), sorted by date.
 * It does not know the bridging days, adjusted working weekends or 补假 the State Council sets each year.
 */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  const law = statuteFor(year);
  const out: StatutoryHoliday[] = [{ name: '元旦', date: `${year}-01-01` }];
  const day1 = lunarNewYearsDay(year);
  for (const offset of law.springFestival) out.push({ name: '春节', date: addDays(day1, offset) });
  if (law.traditionalFestivals) out.push({ name: '清明节', date: qingming(year) });
  for (let i = 0; i < law.labourDays; i += 1) out.push({ name: '劳动节', date: addDays(`${year}-05-01`, i) });
  if (law.traditionalFestivals) {
    out.push({ name: '端午节', date: lunarDay(year, 5, 5, ['05-25', '06-28']) });
    out.push({ name: '中秋节', date: lunarDay(year, 8, 15, ['09-05', '10-10']) });
  }
  for (let i = 0; i < 3; i += 1) out.push({ name: '国庆节', date: addDays(`${year}-10-01`, i) });
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * A notice must give every statutory holiday of its year as a rest day; one that does not was mistyped
 * (or names the wrong year). Returns the refusal, or undefined when the notice agrees with the statute.
 */
export function checkNoticeAgainstStatute(notice: StateCouncilNotice): DomainError | undefined {
  const missing = statutoryHolidays(notice.year).filter((h) => !notice.holidays.some((b) => b.from <= h.date && h.date <= b.to));
  if (missing.length === 0) return undefined;
  return domainError(
    'NOTICE_MISSES_STATUTORY_HOLIDAY',
    `${notice.title}: ${missing.map((h) => `${h.name} ${h.date}`).join(', ')} ${missing.length === 1 ? 'is a statutory holiday' : 'are statutory holidays'} under ${statuteLabel(notice.year)} but not among the notice's rest days`,
    { year: notice.year, missing },
  );
}
