import type { Tables } from './tables';

/**
 * A counting table kept by statement-level triggers on cases: the function adds what each INSERT, UPDATE or DELETE
 * changed, given `delta(transitionTable, sign)` (the rows' counts, negated with sign '-') and `apply(deltas)` (the
 * upsert of their sums). Whoever writes cases (the projector, a rebuild, a repair by hand) keeps the table right.
 */
export function countingTriggerStatements(
  t: Tables,
  name: string,
  delta: (rows: string, sign: '' | '-') => string,
  apply: (deltas: string) => string,
): string[] {
  const fn = `${t.schema}."${name}_changed"`;
  return [
    `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        ${apply(delta('new_cases', ''))}
      ELSIF TG_OP = 'DELETE' THEN
        ${apply(delta('old_cases', '-'))}
      ELSE
        ${apply(`${delta('new_cases', '')} UNION ALL ${delta('old_cases', '-')}`)}
      END IF;
      RETURN NULL;
    END
    $fn$`,
    `CREATE TRIGGER ${name}_insert AFTER INSERT ON ${t.cases} REFERENCING NEW TABLE AS new_cases
       FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
    `CREATE TRIGGER ${name}_update AFTER UPDATE ON ${t.cases} REFERENCING OLD TABLE AS old_cases NEW TABLE AS new_cases
       FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
    `CREATE TRIGGER ${name}_delete AFTER DELETE ON ${t.cases} REFERENCING OLD TABLE AS old_cases
       FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
  ];
}
