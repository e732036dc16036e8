import type { IsoDate } from './iso-date';
import { addDays } from './iso-date';
import type { Period } from '../policy/period';

/** Where a period ends, and whether the calendar was certain about every day it relied on. */
export interface PeriodEnd {
  date: IsoDate;
  provisional: boolean;
}

/** What the deciders need of the working-day calendar (implemented by WorkingDayCalendar). */
export interface LegalCalendar {
  isWorkingDay(d: IsoDate): boolean;
  isCertain(d: IsoDate): boolean;
  addWorkingDays(from: IsoDate, n: number): PeriodEnd;
  addCalendarDays(from: IsoDate, n: number): PeriodEnd;
  addCalendarMonths(from: IsoDate, n: number): PeriodEnd;
}

/** The end of a legal period that starts running on the day after `from`. */
export function endOfPeriod(calendar: LegalCalendar, from: IsoDate, period: Period): PeriodEnd {
  switch (period.unit) {
    case 'working_days':
      return calendar.addWorkingDays(from, period.count);
    case 'days':
      return calendar.addCalendarDays(from, period.count);
    case 'months':
      return calendar.addCalendarMonths(from, period.count);
    default: {
      const never: never = period.unit;
      return never;
    }
  }
}

/** The working day that lies n working days before `d` (for "warn N working days ahead"). */
export function workingDaysBefore(calendar: LegalCalendar, d: IsoDate, n: number): IsoDate {
  let day = d;
  let left = n;
  while (left > 0) {
    day = addDays(day, -1);
    if (calendar.isWorkingDay(day)) left -= 1;
  }
  return day;
}
