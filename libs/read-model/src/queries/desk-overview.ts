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

const ageOf = (days: string) =>
  `CASE WHEN ${days} <= 7 THEN '0-7' WHEN ${days} <= 30 THEN '8-30' WHEN ${days} <= 90 THEN '31-90' ELSE '>90' END`;
/** days since a desk_opened date; '-infinity' (no opening time) is the oldest */
const daysSince = (openedOn: string) => `CASE WHEN ${openedOn} = '-infinity'::date THEN NULL ELSE $1::date - ${openedOn} END`;

/**
 * Pure: the open cases of each cell (process, stage, section, age), from desk_opened (a few thousand rows whatever
 * the number of cases), and how many of them are overdue on `$1`, from the open cases past their due date
 * (cases_open_due_idx). The same answer as counting every open case.
 */
export function buildOverviewQuery(schema: string): string {
  const t = tablesOf(schema);
  return `WITH open_cells AS (
      SELECT case_type, stage, section, ${ageOf(daysSince('opened_on'))} AS age, sum(n) AS open
      FROM ${t.deskOpened} WHERE NOT closed GROUP BY 1, 2, 3, 4 HAVING sum(n) > 0
    ), overdue_cells AS (
      SELECT case_type, stage, section, ${ageOf(`$1::date - (opened_at AT TIME ZONE 'Asia/Shanghai')::date`)} AS age, count(*) AS overdue
      FROM ${t.cases} WHERE NOT closed AND next_due < $1::date GROUP BY 1, 2, 3, 4
    )
    SELECT o.case_type, o.stage, o.section, o.age, o.open, coalesce(d.overdue, 0) AS overdue
    FROM open_cells o LEFT JOIN overdue_cells d USING (case_type, stage, section, age)
    ORDER BY 1, 2, 3, 4`;
}

/**
 * Pure: the cases opened in each of the last `$2` weeks (Monday, Beijing), by section, and how many are closed, from
 * desk_opened; how many are overdue on `$1`, from the open cases past their due date.
 */
export function buildWeeklyQuery(schema: string): string {
  const t = tablesOf(schema);
  const firstDay = `(date_trunc('week', $1::date) - make_interval(weeks => $2::int - 1))::date`;
  const weekOf = (day: string) => `to_char(date_trunc('week', ${day}), 'YYYY-MM-DD')`;
  return `WITH weeks AS (
      SELECT section, ${weekOf('opened_on::timestamp')} AS week, sum(n) AS opened, coalesce(sum(n) FILTER (WHERE closed), 0) AS closed
      FROM ${t.deskOpened} WHERE opened_on >= ${firstDay} GROUP BY 1, 2 HAVING sum(n) > 0
    ), overdue AS (
      SELECT section, ${weekOf(`opened_at AT TIME ZONE 'Asia/Shanghai'`)} AS week, count(*) AS overdue_now
      FROM ${t.cases}
      WHERE NOT closed AND next_due < $1::date AND opened_at >= (${firstDay}::timestamp AT TIME ZONE 'Asia/Shanghai')
      GROUP BY 1, 2
    )
    SELECT w.section, w.week, w.opened, w.closed, coalesce(o.overdue_now, 0) AS overdue_now
    FROM weeks w LEFT JOIN overdue o USING (section, week)
    ORDER BY 2, 1`;
}

/** Rows as PostgreSQL gives them (counts as text). */
export interface OverviewRows {
  cells: { case_type: string; stage: string; section: string; age: AgeBucket; open: string; overdue: string }[];
  weekly: { section: string; week: string; opened: string; closed: string; overdue_now: string }[];
}

/** The overview from its rows: counts as numbers. */
export function overviewFromRows(rows: OverviewRows): { cells: OverviewCell[]; weekly: WeekRow[] } {
  return {
    cells: rows.cells.map((r) => ({
      caseType: r.case_type,
      stage: r.stage,
      section: r.section,
      age: r.age,
      open: Number(r.open),
      overdue: Number(r.overdue),
    })),
    weekly: rows.weekly.map((r) => ({
      section: r.section,
      week: r.week,
      opened: Number(r.opened),
      closed: Number(r.closed),
      overdueNow: Number(r.overdue_now),
    })),
  };
}

export async function deskOverview(
  db: Queryable,
  schema: string,
  today: IsoDate,
  weeks = 12,
): Promise<{ cells: OverviewCell[]; weekly: WeekRow[] }> {
  const cells = await db.query<OverviewRows['cells'][number]>(buildOverviewQuery(schema), [today]);
  const weekly = await db.query<OverviewRows['weekly'][number]>(buildWeeklyQuery(schema), [today, weeks]);
  return overviewFromRows({ cells: cells.rows, weekly: weekly.rows });
}
