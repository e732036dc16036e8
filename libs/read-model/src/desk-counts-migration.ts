import { countingTriggerStatements } from './counting-triggers';
import type { Tables } from './tables';

/**
 * desk_counts: how many open cases each (section, stage, next due date) has, 'infinity' standing for no deadline.
 * Statement-level triggers on cases add what each INSERT, UPDATE or DELETE changed (whoever writes: the projector,
 * a rebuild, a repair by hand), so the desk reads a few thousand rows whatever the number of cases, and is exact
 * for any day (overdue = next due date before it). Keys are locked in sorted order; a key whose count falls to 0
 * stays, and the query leaves it out. Filled from the existing cases here.
 */
export function deskCountsStatements(t: Tables): string[] {
  const delta = (rows: string, sign: '' | '-') =>
    `SELECT section, stage, coalesce(next_due, 'infinity'::date) AS next_due, ${sign}count(*) AS open FROM ${rows} WHERE NOT closed GROUP BY 1, 2, 3`;
  const apply = (deltas: string) => `INSERT INTO ${t.deskCounts} AS d (section, stage, next_due, open)
      SELECT section, stage, next_due, sum(open) FROM (${deltas}) AS delta GROUP BY 1, 2, 3 HAVING sum(open) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT (section, stage, next_due) DO UPDATE SET open = d.open + EXCLUDED.open;`;
  return [
    `CREATE TABLE ${t.deskCounts} (
        section   text NOT NULL,
        stage     text NOT NULL,
        next_due  date NOT NULL,
        open      bigint NOT NULL,
        PRIMARY KEY (section, stage, next_due)
      )`,
    ...countingTriggerStatements(t, 'desk_counts', delta, apply),
    `INSERT INTO ${t.deskCounts} (section, stage, next_due, open) ${delta(t.cases, '')}`,
  ];
}
