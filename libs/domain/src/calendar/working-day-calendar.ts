import { addDays, addMonths, dayOfWeek, fromUtcDate, toUtcDate, type IsoDate } from '../shared/iso-date';
import type { LegalCalendar, PeriodEnd } from '../shared/legal-calendar';
import { calendarSnapshotSchema, type CalendarSnapshot } from './calendar-snapshot';

/** Working days between two dates, and whether the count relied on a day past the horizon. */
export interface WorkingDayCount {
  count: number;
  provisional: boolean;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function assertDate(d: IsoDate): void {
  if (!ISO_DATE.test(d) || Number.isNaN(toUtcDate(d).getTime()) || fromUtcDate(toUtcDate(d)) !== d) {
    throw new RangeError(`expected a date as YYYY-MM-DD, got ${JSON.stringify(d)}`);
  }
}

function assertCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`expected a whole number of days or months >= 0, got ${n}`);
}

/**
 * The working-day calendar of Chinese administrative law, read from a CalendarSnapshot. Pure and
 * deterministic (no chinese-days, no clock, no I/O), so workflow code can construct and use it.
 *
 * Counting: 行政处罚法 第八十五条 and 行政强制法 第六十九条 make the short periods working days, which follow the State
 * Council's notice including adjusted working weekends; the day of the act is not counted and a period whose last day
 * is a rest day (a weekend or a holiday, 法定休假日 including 公休日) ends on the next working day (民事诉讼法 第八十五条,
 * applied through 行政诉讼法 第一百零一条 and 行政复议法).
 * Every result says whether it relied on a day past the snapshot's horizon: such a day may change once the
 * next notice is loaded. Beyond the snapshot's last year only weekends are rest days.
 */
export class WorkingDayCalendar implements LegalCalendar {
  /** last certain day; see CalendarSnapshot.horizon */
  readonly horizon: IsoDate;
  /** first day of the snapshot; earlier days are not known either */
  readonly firstDay: IsoDate;
  private readonly holidays: ReadonlySet<IsoDate>;
  private readonly workdays: ReadonlySet<IsoDate>;

  constructor(snapshot: CalendarSnapshot) {
    const s = calendarSnapshotSchema.parse(snapshot);
    const first = s.years[0];
    if (first === undefined) throw new RangeError('a calendar snapshot needs at least one year');
    this.firstDay = `${String(first.year).padStart(4, '0')}-01-01`;
    this.horizon = s.horizon;
    this.holidays = new Set(s.years.flatMap((y) => y.holidays));
    this.workdays = new Set(s.years.flatMap((y) => y.workdays));
  }

  isWorkingDay(d: IsoDate): boolean {
    assertDate(d);
    return this.working(d);
  }

  /** True when d is covered by a loaded notice or the library (so it will not move). */
  isCertain(d: IsoDate): boolean {
    assertDate(d);
    return this.certain(d);
  }

  /** The n-th working day after `from` (the day of the act is not counted). */
  addWorkingDays(from: IsoDate, n: number): PeriodEnd {
    assertDate(from);
    assertCount(n);
    let day = from;
    let left = n;
    let provisional = false;
    while (left > 0) {
      day = addDays(day, 1);
      if (!this.certain(day)) provisional = true;
      if (this.working(day)) left -= 1;
    }
    return { date: day, provisional };
  }

  /** `from` + n days, moved to the next working day if that day is a rest day. */
  addCalendarDays(from: IsoDate, n: number): PeriodEnd {
    assertDate(from);
    assertCount(n);
    return this.endOn(addDays(from, n));
  }

  /** The corresponding day n months after `from` (the month's last day if there is none), moved past rest days. */
  addCalendarMonths(from: IsoDate, n: number): PeriodEnd {
    assertDate(from);
    assertCount(n);
    return this.endOn(addMonths(from, n));
  }

  /**
   * Working days d with a < d <= b (so addWorkingDays(a, n).date === b gives n); negative when b is before a.
   */
  workingDaysBetween(a: IsoDate, b: IsoDate): WorkingDayCount {
    assertDate(a);
    assertDate(b);
    const [start, end, sign] = a <= b ? [a, b, 1] : [b, a, -1];
    let count = 0;
    let provisional = false;
    for (let d = addDays(start, 1); d <= end; d = addDays(d, 1)) {
      if (!this.certain(d)) provisional = true;
      if (this.working(d)) count += 1;
    }
    return { count: sign * count, provisional };
  }

  private endOn(last: IsoDate): PeriodEnd {
    let day = last;
    let provisional = false;
    for (;;) {
      if (!this.certain(day)) provisional = true;
      if (this.working(day)) return { date: day, provisional };
      day = addDays(day, 1);
    }
  }

  private working(d: IsoDate): boolean {
    if (this.workdays.has(d)) return true;
    const w = dayOfWeek(d);
    return w !== 0 && w !== 6 && !this.holidays.has(d);
  }

  private certain(d: IsoDate): boolean {
    return d >= this.firstDay && d <= this.horizon;
  }
}
