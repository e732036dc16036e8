// Pure and bundle-safe: workflows build a WorkingDayCalendar from a snapshot they are given.
// The snapshot itself is built by @qts/holiday-calendar (chinese-days, notices, statutory holidays).
export {
  calendarSnapshotSchema,
  snapshotHorizon,
  type CalendarSnapshot,
  type CalendarYear,
  type CalendarYearSource,
} from './calendar-snapshot';
export { stateCouncilNoticeSchema, type StateCouncilNotice } from './state-council-notice';
export { WorkingDayCalendar, type WorkingDayCount } from './working-day-calendar';
