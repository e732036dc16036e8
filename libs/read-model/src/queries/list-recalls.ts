import { RECALL_CASE_TYPE, type IsoDate, type ProgressPoint, type RecallRiskLevel } from '@qts/domain';
import type { Queryable } from '../queryable';
import { tablesOf } from '../tables';
import { CASE_SUMMARY_COLUMNS, toCaseSummary, type CaseSummary, type CaseSummaryRow } from './rows';
import { todayInShanghai } from './today';
import { visibleToClause, type VisibleTo } from './visible-to';

export interface RecallListFilter {
  risk?: RecallRiskLevel;
  /** closed recalls too (default: open ones only) */
  includeClosed?: boolean;
  today?: IsoDate;
  visibleTo?: VisibleTo;
}

/** A recall as the bureau's list shows it: its risk, how far the producer has come, and its curve. */
export interface RecallListEntry extends CaseSummary {
  risk: RecallRiskLevel | null;
  unitsAffected: number | null;
  /** the latest completion rate reported, in permille; null before the first report */
  completionPermille: number | null;
  /** reports on which the rate stalled below the target */
  stalledReports: number;
  curve: ProgressPoint[];
}

/**
 * The recalls by risk (high first, unassessed last), then the late ones (an open deadline passed), then by the next
 * due date: which recall to chase first. At most 500.
 */
export async function listRecalls(db: Queryable, schema: string, filter: RecallListFilter = {}): Promise<RecallListEntry[]> {
  const values: unknown[] = [filter.today ?? todayInShanghai(), RECALL_CASE_TYPE];
  const where = ['case_type = $2'];
  if (!filter.includeClosed) where.push('closed = false');
  if (filter.risk !== undefined) {
    values.push(filter.risk);
    where.push(`state->'risk'->>'level' = $${values.length}`);
  }
  if (filter.visibleTo !== undefined) where.push(visibleToClause(values, filter.visibleTo));
  const { rows } = await db.query<
    CaseSummaryRow & { risk: RecallRiskLevel | null; units_affected: number | null; curve: ProgressPoint[] | null; stalled: number }
  >(
    `SELECT ${CASE_SUMMARY_COLUMNS}, state->'risk'->>'level' AS risk, (state->'plan'->>'unitsAffected')::int AS units_affected,
       state->'progress' AS curve, coalesce(jsonb_array_length(state->'stalledOn'), 0) AS stalled
     FROM ${tablesOf(schema).cases} WHERE ${where.join(' AND ')}
     ORDER BY CASE state->'risk'->>'level' WHEN 'high' THEN 0 WHEN 'medium' THEN 1 WHEN 'low' THEN 2 ELSE 3 END,
       overdue DESC, next_due ASC NULLS LAST, case_id ASC LIMIT 500`,
    values,
  );
  return rows.map((r) => {
    const curve = r.curve ?? [];
    return {
      ...toCaseSummary(r),
      risk: r.risk,
      unitsAffected: r.units_affected,
      completionPermille: curve.at(-1)?.permille ?? null,
      stalledReports: r.stalled,
      curve,
    };
  });
}
