/** Who may read which cases: their sections' cases and the ones assigned to them; absent means all. */
export interface VisibleTo {
  sections: readonly string[];
  caseIds: readonly string[];
}

/** The SQL condition (over the cases table's columns) for a reader's need to know; its two values go into `values`. */
export function visibleToClause(values: unknown[], visibleTo: VisibleTo): string {
  values.push(visibleTo.sections, visibleTo.caseIds);
  return `(section = ANY($${values.length - 1}::text[]) OR case_id = ANY($${values.length}::text[]))`;
}
