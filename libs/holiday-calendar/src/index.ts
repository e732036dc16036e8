// The holiday data: chinese-days for the years it covers, State Council notices, the statutory holidays.
// Kept out of @qts/domain so workflow bundles never load chinese-days (they receive a CalendarSnapshot).
export { buildCalendarSnapshot, type BuildCalendarSnapshotInput } from './build-calendar-snapshot';
export { checkNoticeAgainstStatute, statutoryHolidays, type StatutoryHoliday } from './statutory-holidays';
export { libraryYears } from './library-calendar';
