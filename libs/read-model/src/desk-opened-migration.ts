import { countingTriggerStatements } from './counting-triggers';
import type { Tables } from './tables';

/** The Beijing date a case was opened, '-infinity' for a row without one (a key column cannot be null). */
export const OPENED_ON = `coalesce((opened_at AT TIME ZONE 'Asia/Shanghai')::date, '-infinity'::date)`;

/**
 * desk_opened: how many cases each (process, section, stage, opening date, closed or not) has, kept by statement-level
 * triggers on cases like desk_counts (whoever writes cases keeps it right; keys locked in sorted order; a key whose
 * count falls to 0 stays and the queries leave it out). The desk overview (open cases by process, stage, section and
 * age) and the weekly series (opened and closed per section and week) read these few thousand rows instead of every
 * case; the overdue figures, which depend on the day asked about, come from the open cases past their due date
 * (cases_open_due_idx), few by nature. Filled from the existing cases here.
 */
export function deskOpenedStatements(t: Tables): string[] {
  const delta = (rows: string, sign: '' | '-') =>
    `SELECT case_type, section, stage, ${OPENED_ON} AS opened_on, closed, ${sign}count(*) AS n FROM ${rows} GROUP BY 1, 2, 3, 4, 5`;
  const apply = (deltas: string) => `INSERT INTO ${t.deskOpened} AS d (case_type, section, stage, opened_on, closed, n)
      SELECT case_type, section, stage, opened_on, closed, sum(n) FROM (${deltas}) AS delta
      GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4, 5
      ON CONFLICT (case_type, section, stage, opened_on, closed) DO UPDATE SET n = d.n + EXCLUDED.n;`;
  return [
    `CREATE TABLE ${t.deskOpened} (
        case_type  text NOT NULL,
        section    text NOT NULL,
        stage      text NOT NULL,
        opened_on  date NOT NULL,
        closed     boolean NOT NULL,
        n          bigint NOT NULL,
        PRIMARY KEY (case_type, section, stage, opened_on, closed)
      )`,
    ...countingTriggerStatements(t, 'desk_opened', delta, apply),
    `INSERT INTO ${t.deskOpened} (case_type, section, stage, opened_on, closed, n) ${delta(t.cases, '')}`,
    `CREATE INDEX cases_open_due_idx ON ${t.cases} (next_due) INCLUDE (case_type, stage, section, opened_at) WHERE NOT closed`,
  ];
}
