export type { Queryable } from './queryable';
export { assertSchemaName, tablesOf, type DataTable, type Tables } from './tables';
export { MIGRATIONS } from './migrations';
export { migrateReadModel } from './migrate';
export { loadPosition, loadPositions, recordPosition } from './positions';
export { dropReadModel, isEmptyReadModel, schemaExists } from './schema-admin';
export { applyEnvelope, type ApplyOutcome, type StreamPosition } from './apply/apply-envelope';
export { applyEnvelopes } from './apply/apply-batch';
export { jsonbRoundTrip } from './apply/jsonb-round-trip';
export { carriedState } from './apply/carried-state';
export { projectEvent, type ProjectedEvent } from './apply/project-event';
export { decideSequence, type SequenceDecision } from './apply/sequence';
export { ProjectionRefusedError, isProjectionRefused, type RefusalCode } from './apply/refusal';
export type { ValidCaseView } from './apply/view-schemas';
export { getCase } from './queries/get-case';
export { buildCaseListQuery, listCases, type CaseListFilter, type SqlQuery } from './queries/list-cases';
export { buildDeskCountsQuery, deskCounts, type DeskCount } from './queries/desk-counts';
export { buildNoticeListQuery, getNotice, listNotices, type NoticeFilter } from './queries/list-notices';
export { todayInShanghai } from './queries/today';
export {
  pageOf,
  type CaseDetail,
  type CaseSummary,
  type DeadlineEntry,
  type NoticeEntry,
  type Page,
  type TimelineEntry,
} from './queries/rows';
export { compareReadModels, type ReadModelComparison, type TableDifference } from './compare';
export { countDamagedCases, listDamagedCases, recordUnprojected, type DamagedCase, type UnprojectedEvent } from './damaged-cases';
export {
  compareWithEventLog,
  damagedAmong,
  projectedSeqs,
  type EventLogComparison,
  type LoggedCase,
  type MissingFromReadModel,
} from './event-log-comparison';
export { listEquipmentDirectives, type EquipmentDirective, type EquipmentDirectiveFilter } from './queries/list-equipment-directives';
export { buildStalledQuery, listStalledCases, type StageLimitRow, type StalledFilter, type StalledRow } from './queries/stalled-cases';
export {
  AGE_BUCKETS,
  buildOverviewQuery,
  buildWeeklyQuery,
  deskOverview,
  overviewFromRows,
  type OverviewRows,
  type AgeBucket,
  type OverviewCell,
  type WeekRow,
} from './queries/desk-overview';
export { getCaseState, openCasesDueFirst, type CaseState } from './queries/case-states';
export { buildDeskCasesQuery, listDeskCases, type DeskCaseFilter } from './queries/desk-cases';
export { listAccidents, type AccidentListEntry, type AccidentListFilter } from './queries/list-accidents';
export { listRecalls, type RecallListEntry, type RecallListFilter } from './queries/list-recalls';
export { PROJECTED_CHANNEL, lastSeqOf, signalProjected } from './projected-signal';
