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

/** Pure: the SQL of the desk counts (open cases by section and stage), served by the partial index on open cases. */
export function buildDeskCountsQuery(schema: string): string {
  return `SELECT section, stage, count(*) AS open, count(*) FILTER (WHERE next_due < $1::date) AS overdue
    FROM ${tablesOf(schema).cases} WHERE NOT closed GROUP BY section, stage ORDER BY section, stage`;
}

export async function deskCounts(db: Queryable, schema: string, today: IsoDate = todayInShanghai()): Promise<DeskCount[]> {
  const { rows } = await db.query<{ section: string; stage: string; open: string; overdue: string }>(buildDeskCountsQuery(schema), [today]);
  return rows.map((r) => ({ section: r.section, stage: r.stage, open: Number(r.open), overdue: Number(r.overdue) }));
}
