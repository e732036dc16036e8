import type { IsoDate } from '@qts/domain';
import type { Queryable } from '../queryable';
import { tablesOf } from '../tables';
import {
  CASE_SUMMARY_COLUMNS,
  NOTICE_COLUMNS,
  toCaseSummary,
  toNotice,
  type CaseDetail,
  type CaseSummaryRow,
  type NoticeRow,
  type TimelineEntry,
} from './rows';
import { todayInShanghai } from './today';

interface TimelineRow {
  seq: number;
  event_id: string;
  type: string;
  schema_version: number;
  occurred_at: Date;
  actor: TimelineEntry['actor'];
  payload: Record<string, unknown>;
  prev_hash: string | null;
  hash: string | null;
}

interface DeadlineRow {
  kind: string;
  due: string;
  label_zh: string;
  label_en: string;
  legal_source: string;
  provisional: boolean;
  overdue: boolean;
}

/** One case as the API shows it: its row, every event, the open deadlines and the notices raised. */
export async function getCase(
  db: Queryable,
  schema: string,
  caseId: string,
  options: { today?: IsoDate } = {},
): Promise<CaseDetail | undefined> {
  const t = tablesOf(schema);
  const today = options.today ?? todayInShanghai();
  // one after the other: a PoolClient runs one query at a time
  const cases = await db.query<CaseSummaryRow & { state: unknown }>(
    `SELECT ${CASE_SUMMARY_COLUMNS}, state FROM ${t.cases} WHERE case_id = $2`,
    [today, caseId],
  );
  const row = cases.rows[0];
  if (!row) return undefined;
  const timeline = await db.query<TimelineRow>(
    `SELECT seq, event_id, type, schema_version, occurred_at, actor, payload, prev_hash, hash FROM ${t.timeline} WHERE case_id = $1 ORDER BY seq`,
    [caseId],
  );
  const deadlines = await db.query<DeadlineRow>(
    `SELECT kind, to_char(due, 'YYYY-MM-DD') AS due, label_zh, label_en, legal_source, provisional, due < $2::date AS overdue
     FROM ${t.openDeadlines} WHERE case_id = $1 ORDER BY due, kind`,
    [caseId, today],
  );
  const notices = await db.query<NoticeRow>(`SELECT ${NOTICE_COLUMNS} FROM ${t.notices} WHERE case_id = $1 ORDER BY raised_at, event_id`, [
    caseId,
  ]);
  return {
    ...toCaseSummary(row),
    state: row.state,
    timeline: timeline.rows.map((r) => ({
      seq: r.seq,
      eventId: r.event_id,
      type: r.type,
      schemaVersion: r.schema_version,
      occurredAt: r.occurred_at.toISOString(),
      actor: r.actor,
      payload: r.payload,
      prevHash: r.prev_hash,
      hash: r.hash,
    })),
    deadlines: deadlines.rows.map((r) => ({
      kind: r.kind,
      due: r.due,
      labelZh: r.label_zh,
      labelEn: r.label_en,
      legalSource: r.legal_source,
      provisional: r.provisional,
      overdue: r.overdue,
    })),
    notices: notices.rows.map(toNotice),
  };
}
