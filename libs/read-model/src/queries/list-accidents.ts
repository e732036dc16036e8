import { ACCIDENT_CASE_TYPE, type AccidentGrade, type AccidentKind, type HourLimit, type IsoDate, type LeadBody } from '@qts/domain';
import type { Queryable } from '../queryable';
import { tablesOf } from '../tables';
import { CASE_SUMMARY_COLUMNS, toCaseSummary, type CaseSummary, type CaseSummaryRow } from './rows';
import { todayInShanghai } from './today';
import { visibleToClause, type VisibleTo } from './visible-to';

export interface AccidentListFilter {
  grade?: AccidentGrade;
  /** closed accidents too (default: open ones only) */
  includeClosed?: boolean;
  /** the instant reports are judged late against (now by default) */
  now?: number;
  today?: IsoDate;
  visibleTo?: VisibleTo;
}

/** An accident as the bureau's list shows it: kind, grade, who leads, hours since the report, reports still owed. */
export interface AccidentListEntry extends CaseSummary {
  kind: AccidentKind;
  grade: AccidentGrade | null;
  lead: LeadBody | null;
  receivedAt: string | null;
  hoursSinceReport: number | null;
  /** reports upward still owed, soonest first */
  reportsOwed: HourLimit[];
  /** a report upward past its hour limit */
  reportOverdue: boolean;
}

/**
 * Open accidents with a report upward past its hour limit first, then by grade (特别重大 first), then the overdue, then
 * the oldest report: which accident needs the bureau now. At most 500.
 */
export async function listAccidents(db: Queryable, schema: string, filter: AccidentListFilter = {}): Promise<AccidentListEntry[]> {
  const now = filter.now ?? Date.now();
  const values: unknown[] = [filter.today ?? todayInShanghai(), ACCIDENT_CASE_TYPE, new Date(now).toISOString()];
  const where = ['case_type = $2'];
  if (!filter.includeClosed) where.push('closed = false');
  if (filter.grade !== undefined) {
    values.push(filter.grade);
    where.push(`state->>'grade' = $${values.length}`);
  }
  if (filter.visibleTo !== undefined) where.push(visibleToClause(values, filter.visibleTo));
  const { rows } = await db.query<
    CaseSummaryRow & {
      kind: AccidentKind;
      grade: AccidentGrade | null;
      lead: LeadBody | null;
      received_at: string | null;
      owed: HourLimit[] | null;
    }
  >(
    `SELECT ${CASE_SUMMARY_COLUMNS}, state->>'kind' AS kind, state->>'grade' AS grade, state->>'lead' AS lead,
       nullif(state->>'receivedAt', '') AS received_at,
       (SELECT jsonb_agg(v ORDER BY (v->>'dueAt')::timestamptz) FROM jsonb_each(state->'hourLimits') AS h(k, v)) AS owed,
       coalesce((SELECT bool_or((v->>'dueAt')::timestamptz < $3::timestamptz) FROM jsonb_each(state->'hourLimits') AS h(k, v)), false)
         AS report_overdue
     FROM ${tablesOf(schema).cases} WHERE ${where.join(' AND ')}
     ORDER BY report_overdue DESC,
       CASE state->>'grade' WHEN 'extraordinary' THEN 0 WHEN 'major' THEN 1 WHEN 'larger' THEN 2 WHEN 'general' THEN 3 ELSE 4 END,
       overdue DESC, received_at ASC NULLS LAST, case_id ASC LIMIT 500`,
    values,
  );
  return rows.map((r) => {
    const reportsOwed = r.owed ?? [];
    const received = r.received_at ? Date.parse(r.received_at) : NaN;
    return {
      ...toCaseSummary(r),
      kind: r.kind,
      grade: r.grade,
      lead: r.lead,
      receivedAt: r.received_at,
      hoursSinceReport: Number.isNaN(received) ? null : Math.floor((now - received) / 3_600_000),
      reportsOwed,
      reportOverdue: reportsOwed.some((h) => Date.parse(h.dueAt) < now),
    };
  });
}
