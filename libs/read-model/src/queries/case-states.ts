import type { IsoDate } from '@qts/domain';
import type { Queryable } from '../queryable';
import { tablesOf } from '../tables';

/** A case's stored state and the columns whose move needs (not its timeline). */
export interface CaseState {
  caseId: string;
  caseType: string;
  section: string;
  stage: string;
  title: string;
  partyName: string;
  closed: boolean;
  nextDue: IsoDate | null;
  state: unknown;
}

interface Row {
  case_id: string;
  case_type: string;
  section: string;
  stage: string;
  title: string;
  party_name: string;
  closed: boolean;
  next_due: string | null;
  state: unknown;
}

const COLUMNS = `case_id, case_type, section, stage, title, party_name, closed, to_char(next_due, 'YYYY-MM-DD') AS next_due, state`;

function toCaseState(r: Row): CaseState {
  return {
    caseId: r.case_id,
    caseType: r.case_type,
    section: r.section,
    stage: r.stage,
    title: r.title,
    partyName: r.party_name,
    closed: r.closed,
    nextDue: r.next_due,
    state: r.state,
  };
}

export async function getCaseState(db: Queryable, schema: string, caseId: string): Promise<CaseState | undefined> {
  const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM ${tablesOf(schema).cases} WHERE case_id = $1`, [caseId]);
  return rows[0] ? toCaseState(rows[0]) : undefined;
}

/**
 * Open cases soonest due first (those without a deadline last), of some sections and assigned ids, or every one:
 * the candidates of an inbox, a page at a time (the caller decides, from each state, whose move it is).
 */
export async function openCasesDueFirst(
  db: Queryable,
  schema: string,
  filter: { sections?: readonly string[]; caseIds?: readonly string[]; limit: number; offset: number },
): Promise<CaseState[]> {
  const values: unknown[] = [filter.limit, filter.offset];
  let scope = '';
  if (filter.sections !== undefined) {
    values.push(filter.sections, filter.caseIds ?? []);
    scope = ` AND (section = ANY($3::text[]) OR case_id = ANY($4::text[]))`;
  }
  const { rows } = await db.query<Row>(
    `SELECT ${COLUMNS} FROM ${tablesOf(schema).cases} WHERE NOT closed${scope}
     ORDER BY next_due ASC NULLS LAST, case_id LIMIT $1 OFFSET $2`,
    values,
  );
  return rows.map(toCaseState);
}
