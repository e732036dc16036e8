import {
  addDays,
  dayOfWeek,
  snapshotHorizon,
  stateCouncilNoticeSchema,
  type CalendarSnapshot,
  type CalendarYear,
  type IsoDate,
  type StateCouncilNotice,
} from '@qts/domain';
import { LIBRARY_NAME, libraryYear } from './library-calendar';
import { MAX_STATUTE_YEAR, MIN_STATUTE_YEAR, checkNoticeAgainstStatute, statuteLabel, statutoryHolidays } from './statutory-holidays';

export interface BuildCalendarSnapshotInput {
  fromYear: number;
  toYear: number;
  /** notices loaded by an administrator; they override the library for their year */
  notices: readonly StateCouncilNotice[];
}

function isWeekday(d: IsoDate): boolean {
  const w = dayOfWeek(d);
  return w !== 0 && w !== 6;
}

/** Weekday rest days plus the statutory holidays on any day, sorted and without repeats. */
function holidayList(restDays: Iterable<IsoDate>, year: number): IsoDate[] {
  const days = new Set<IsoDate>();
  for (const d of restDays) if (isWeekday(d)) days.add(d);
  for (const h of statutoryHolidays(year)) days.add(h.date);
  return [...days].sort();
}

function fromNotice(notice: StateCouncilNotice): CalendarYear {
  const refusal = checkNoticeAgainstStatute(notice);
  if (refusal !== undefined) throw new Error(refusal.message);
  const restDays: IsoDate[] = [];
  for (const block of notice.holidays) {
    for (let d = block.from; d <= block.to; d = addDays(d, 1)) restDays.push(d);
  }
  return {
    year: notice.year,
    source: 'notice',
    sourceNote: `${notice.title}${notice.documentNo === undefined ? '' : `（${notice.documentNo}）`}, loaded by an administrator`,
    holidays: holidayList(restDays, notice.year),
    workdays: [...new Set(notice.workdays)].sort(),
  };
}

function fromLibrary(year: number): CalendarYear | undefined {
  const lib = libraryYear(year);
  if (lib === undefined) return undefined;
  return {
    year,
    source: 'library',
    sourceNote: `${LIBRARY_NAME} (its transcription of the State Council notice for ${year})`,
    holidays: holidayList(lib.restDays, year),
    workdays: lib.workdays.filter((d) => !isWeekday(d)),
  };
}

function fromStatute(year: number): CalendarYear {
  return {
    year,
    source: 'statutory-only',
    sourceNote:
      `${statuteLabel(year)}: statutory holidays only. The State Council notice for ${year} is not loaded, so its ` +
      'bridging days, adjusted working weekends (调休上班) and 补假 for holidays falling on a weekend are unknown',
    holidays: holidayList([], year),
    workdays: [],
  };
}

/**
 * Builds the working-day calendar for fromYear..toYear. Each year comes from an administrator-loaded
 * notice if there is one, else from chinese-days if it covers the year, else from the statute alone.
 * Runs outside workflows (it needs chinese-days); the result is plain JSON for WorkingDayCalendar.
 * Throws on an invalid range, an invalid notice, two notices for one year, or a notice that leaves out a
 * statutory holiday.
 */
export function buildCalendarSnapshot(input: BuildCalendarSnapshotInput): CalendarSnapshot {
  const { fromYear, toYear } = input;
  if (
    !Number.isInteger(fromYear) ||
    !Number.isInteger(toYear) ||
    fromYear > toYear ||
    fromYear < MIN_STATUTE_YEAR ||
    toYear > MAX_STATUTE_YEAR
  ) {
    throw new RangeError(
      `calendar years must be integers with ${MIN_STATUTE_YEAR} <= fromYear <= toYear <= ${MAX_STATUTE_YEAR}, got ${fromYear}..${toYear}`,
    );
  }
  const notices = new Map<number, StateCouncilNotice>();
  for (const raw of input.notices) {
    const notice = stateCouncilNoticeSchema.parse(raw);
    if (notices.has(notice.year)) throw new Error(`two State Council notices for ${notice.year}`);
    notices.set(notice.year, notice);
  }
  const years: CalendarYear[] = [];
  for (let year = fromYear; year <= toYear; year += 1) {
    const notice = notices.get(year);
    years.push(notice !== undefined ? fromNotice(notice) : (fromLibrary(year) ?? fromStatute(year)));
  }
  return { years, horizon: snapshotHorizon(years) };
}
