import type { IsoDate } from '@qts/domain';
import type { Queryable } from '../queryable';
import { tablesOf } from '../tables';

export const AGE_BUCKETS = ['0-7', '8-30', '31-90', '>90'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

/** One cell: the open cases of a process at a stage in a section of an age (days since opened), and how many are overdue. */
export interface OverviewCell {
  caseType: string;
  stage: string;
  section: string;
  age: AgeBucket;
  open: number;
  overdue: number;
}

/** A section's cases opened in one week (Monday, Beijing): how many, how many are closed, how many are overdue today. */
export interface WeekRow {
  section: string;
  week: IsoDate;
  opened: number;
  closed: number;
  overdueNow: number;
}

/** Pure: every open case counted once into its cell; an index-only scan of cases_open_overview_idx. */
export function buildOverviewQuery(schema: string): string {
  return `SELECT case_type, stage, section,
      CASE WHEN age <= 7 THEN '0-7' WHEN age <= 30 THEN '8-30' WHEN age <= 90 THEN '31-90' ELSE '>90' END AS age,
      count(*) AS open, count(*) FILTER (WHERE next_due < $1::date) AS overdue
    FROM (SELECT case_type, stage, section, next_due, $1::date - (opened_at AT TIME ZONE 'Asia/Shanghai')::date AS age
          FROM ${tablesOf(schema).cases} WHERE NOT closed) open_cases
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`;
}

/** Pure: the cases opened in each of the last `$2` weeks, by section (cases_opened_idx). */
export function buildWeeklyQuery(schema: string): string {
  return `SELECT section, to_char(date_trunc('week', opened_at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD') AS week,
      count(*) AS opened, count(*) FILTER (WHERE closed) AS closed, count(*) FILTER (WHERE NOT closed AND next_due < $1::date) AS overdue_now
    FROM ${tablesOf(schema).cases}
    WHERE opened_at >= ((date_trunc('week', $1::date) - make_interval(weeks => $2::int - 1))::timestamp AT TIME ZONE 'Asia/Shanghai')
    GROUP BY 1, 2 ORDER BY 2, 1`;
}

export async function deskOverview(
  db: Queryable,
  schema: string,
  today: IsoDate,
  weeks = 12,
): Promise<{ cells: OverviewCell[]; weekly: WeekRow[] }> {
  const cells = await db.query<{ case_type: string; stage: string; section: string; age: AgeBucket; open: string; overdue: string }>(
    buildOverviewQuery(schema),
    [today],
  );
  const weekly = await db.query<{ section: string; week: string; opened: string; closed: string; overdue_now: string }>(
    buildWeeklyQuery(schema),
    [today, weeks],
  );
  return {
    cells: cells.rows.map((r) => ({
      caseType: r.case_type,
      stage: r.stage,
      section: r.section,
      age: r.age,
      open: Number(r.open),
      overdue: Number(r.overdue),
    })),
    weekly: weekly.rows.map((r) => ({
      section: r.section,
      week: r.week,
      opened: Number(r.opened),
      closed: Number(r.closed),
      overdueNow: Number(r.overdue_now),
    })),
  };
}
