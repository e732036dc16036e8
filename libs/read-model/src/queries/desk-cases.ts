import type { IsoDate } from '@qts/domain';
import type { Queryable } from '../queryable';
import { tablesOf } from '../tables';
import type { AgeBucket } from './desk-overview';
import type { SqlQuery } from './list-cases';
import { CASE_SUMMARY_COLUMNS, pageOf, toCaseSummary, type CaseSummary, type CaseSummaryRow, type Page } from './rows';

/** The open cases behind a figure of the desk: by process, stage, section, age since opening and overdue. */
export interface DeskCaseFilter {
  caseType?: string;
  stage?: string;
  section?: string;
  age?: AgeBucket;
  overdue?: boolean;
  visibleTo?: { sections: readonly string[]; caseIds: readonly string[] };
  limit?: number;
  offset?: number;
}

/** days open (Beijing dates) per bucket: [from, to] inclusive, null for no upper bound */
const AGE_RANGES: Record<AgeBucket, [number, number | null]> = { '0-7': [0, 7], '8-30': [8, 30], '31-90': [31, 90], '>90': [91, null] };

/** Pure: the SQL, soonest due first (overdue first), then the oldest. */
export function buildDeskCasesQuery(schema: string, filter: DeskCaseFilter, today: IsoDate): SqlQuery {
  const values: unknown[] = [today];
  const where = ['NOT closed'];
  const param = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  if (filter.caseType !== undefined) where.push(`case_type = ${param(filter.caseType)}`);
  if (filter.stage !== undefined) where.push(`stage = ${param(filter.stage)}`);
  if (filter.section !== undefined) where.push(`section = ${param(filter.section)}`);
  if (filter.age !== undefined) {
    // opened on or before today - from, after today - to - 1 (Beijing dates), as the overview counts them
    const [from, to] = AGE_RANGES[filter.age];
    where.push(`opened_at < (($1::date - ${param(from)}::int + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`);
    if (to !== null) where.push(`opened_at >= (($1::date - ${param(to)}::int)::timestamp AT TIME ZONE 'Asia/Shanghai')`);
  }
  if (filter.overdue === true) where.push('next_due < $1::date');
  if (filter.overdue === false) where.push('(next_due IS NULL OR next_due >= $1::date)');
  if (filter.visibleTo !== undefined) {
    const sections = param(filter.visibleTo.sections);
    const ids = param(filter.visibleTo.caseIds);
    where.push(`(section = ANY(${sections}::text[]) OR case_id = ANY(${ids}::text[]))`);
  }
  const { limit, offset } = pageOf(filter.limit, filter.offset);
  const lim = param(limit);
  const off = param(offset);
  const cases = tablesOf(schema).cases;
  const filtered = `WHERE ${where.join(' AND ')}`;
  const text = `SELECT ${CASE_SUMMARY_COLUMNS}, (SELECT count(*) FROM ${cases} ${filtered}) AS total FROM ${cases} ${filtered}
    ORDER BY next_due ASC NULLS LAST, opened_at ASC, case_id ASC LIMIT ${lim} OFFSET ${off}`;
  return { text, values };
}

export async function listDeskCases(db: Queryable, schema: string, filter: DeskCaseFilter, today: IsoDate): Promise<Page<CaseSummary>> {
  const q = buildDeskCasesQuery(schema, filter, today);
  const { rows } = await db.query<CaseSummaryRow & { total: string }>(q.text, q.values);
  const { limit, offset } = pageOf(filter.limit, filter.offset);
  let total = rows[0] ? Number(rows[0].total) : 0;
  if (!rows[0] && offset > 0) {
    const first = buildDeskCasesQuery(schema, { ...filter, limit: 1, offset: 0 }, today);
    const counted = await db.query<{ total: string }>(first.text, first.values);
    total = counted.rows[0] ? Number(counted.rows[0].total) : 0;
  }
  return { items: rows.map(toCaseSummary), total, limit, offset };
}
