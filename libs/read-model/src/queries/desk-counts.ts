import type { IsoDate } from '@qts/domain';
import type { Queryable } from '../queryable';
import { tablesOf } from '../tables';
import { todayInShanghai } from './today';

/** One cell of a desk: the open cases of a section at a stage, and how many of them are overdue. */
export interface DeskCount {
  section: string;
  stage: string;
  open: number;
  overdue: number;
}

/**
 * Pure: the SQL of the desk counts (open cases by section and stage), read from desk_counts, which triggers on cases
 * keep (read-model migration 5); the same figures as counting the open cases themselves.
 */
export function buildDeskCountsQuery(schema: string): string {
  return `SELECT section, stage, sum(open) AS open, coalesce(sum(open) FILTER (WHERE next_due < $1::date), 0) AS overdue
    FROM ${tablesOf(schema).deskCounts} GROUP BY section, stage HAVING sum(open) > 0 ORDER BY section, stage`;
}

export async function deskCounts(db: Queryable, schema: string, today: IsoDate = todayInShanghai()): Promise<DeskCount[]> {
  const { rows } = await db.query<{ section: string; stage: string; open: string; overdue: string }>(buildDeskCountsQuery(schema), [today]);
  return rows.map((r) => ({ section: r.section, stage: r.stage, open: Number(r.open), overdue: Number(r.overdue) }));
}
