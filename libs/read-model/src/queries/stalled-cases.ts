import type { IsoDate, OpenDeadline } from '@qts/domain';
import type { Queryable } from '../queryable';
import { tablesOf } from '../tables';
import { pageOf } from './rows';
import type { SqlQuery } from './list-cases';

/** A stage's expected time (policy/stage-expectations), as the query takes it. */
export interface StageLimitRow {
  caseType: string;
  stage: string;
  days: number;
}

export interface StalledFilter {
  caseType?: string;
  section?: string;
  limit?: number;
  offset?: number;
  /** only cases of these sections or with these ids (a reader's need to know); absent: every case */
  visibleTo?: { sections: readonly string[]; caseIds: readonly string[] };
  /**
   * limits counted in hours (kept in the state under `hourLimits`, by the processes of these case types): a case is
   * stalled from the instant one passes, judged at `now`
   */
  hourLimits?: { now: string; caseTypes: readonly string[] };
}

/** A stalled case as stored: enough to say why, since when and who must act (the reasons are computed by the caller). */
export interface StalledRow {
  caseId: string;
  /** the day it became stalled (the oldest reason) */
  since: IsoDate;
  caseType: string | null;
  section: string | null;
  stage: string | null;
  title: string | null;
  partyName: string | null;
  openedAt: string | null;
  stageSince: string | null;
  state: unknown;
  deadlines: OpenDeadline[];
  damaged: { reason: string; since: string; events: number } | null;
}

/**
 * Pure: the SQL of the stalled cases, the longest stalled first. Three index-driven parts, each on its own index:
 * an open deadline passed (next_due), a stage held past its expected time (case_type, stage, stage_since, one range
 * per policy row), a damaged case (damaged_cases); a case in several counts once, from its oldest reason.
 */
export function buildStalledQuery(schema: string, filter: StalledFilter, limits: readonly StageLimitRow[], today: IsoDate): SqlQuery {
  const t = tablesOf(schema);
  const values: unknown[] = [today, limits.map((l) => l.caseType), limits.map((l) => l.stage), limits.map((l) => l.days)];
  const where: string[] = [];
  const param = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  const caseType = filter.caseType !== undefined ? param(filter.caseType) : null;
  if (caseType) where.push(`c.case_type = ${caseType}`);
  if (filter.section !== undefined) where.push(`c.section = ${param(filter.section)}`);
  if (filter.visibleTo !== undefined) {
    const sections = param(filter.visibleTo.sections);
    const ids = param(filter.visibleTo.caseIds);
    where.push(`(c.section = ANY(${sections}::text[]) OR c.case_id = ANY(${ids}::text[]))`);
  }
  const and = where.map((w) => ` AND ${w}`).join('');
  const hourly = filter.hourLimits
    ? `UNION ALL
        SELECT c.case_id, ((h.v->>'dueAt')::timestamptz AT TIME ZONE 'Asia/Shanghai')::date AS since
          FROM ${t.cases} c CROSS JOIN LATERAL jsonb_each(coalesce(c.state->'hourLimits', '{}'::jsonb)) AS h(k, v)
          WHERE NOT c.closed AND c.case_type = ANY(${param(filter.hourLimits.caseTypes)}::text[])
          AND (h.v->>'dueAt')::timestamptz < ${param(filter.hourLimits.now)}::timestamptz${and}`
    : '';
  // a damaged case may have no row at all: it is filtered on what its letters say
  const damagedWhere = [
    caseType ? `d.case_type = ${caseType}` : null,
    filter.section !== undefined || filter.visibleTo !== undefined
      ? `EXISTS (SELECT 1 FROM ${t.cases} c WHERE c.case_id = d.case_id${and})`
      : null,
  ].filter((w): w is string => w !== null);
  const { limit, offset } = pageOf(filter.limit, filter.offset);
  const lim = param(limit);
  const off = param(offset);
  const text = `WITH limits AS (
      SELECT * FROM unnest($2::text[], $3::text[], $4::int[]) AS l(case_type, stage, days)
    ), stalled AS (
      SELECT case_id, min(since) AS since FROM (
        SELECT c.case_id, c.next_due + 1 AS since FROM ${t.cases} c WHERE NOT c.closed AND c.next_due < $1::date${and}
        UNION ALL
        SELECT c.case_id, (c.stage_since AT TIME ZONE 'Asia/Shanghai')::date + l.days + 1 AS since
          FROM limits l CROSS JOIN LATERAL (
            -- one index range per (process, stage) row (cases_open_stage_since_idx), not every open case hashed
            -- against the limits; OFFSET 0 keeps the planner from flattening it into that join
            SELECT c.case_id, c.stage_since FROM ${t.cases} c
            WHERE c.case_type = l.case_type AND c.stage = l.stage AND NOT c.closed
              AND c.stage_since < (($1::date - l.days)::timestamp AT TIME ZONE 'Asia/Shanghai')${and} OFFSET 0
          ) c
        ${hourly}
        UNION ALL
        SELECT d.case_id, (d.first_event_at AT TIME ZONE 'Asia/Shanghai')::date AS since FROM ${t.damagedCases} d
          ${damagedWhere.length > 0 ? `WHERE ${damagedWhere.join(' AND ')}` : ''}
      ) u GROUP BY case_id
    ), page AS (
      SELECT case_id, since FROM stalled ORDER BY since, case_id LIMIT ${lim} OFFSET ${off}
    )
    SELECT p.case_id, to_char(p.since, 'YYYY-MM-DD') AS since, (SELECT count(*) FROM stalled) AS total,
      coalesce(c.case_type, d.case_type) AS case_type, c.section, c.stage, c.title, c.party_name, c.opened_at, c.stage_since, c.state,
      d.reason AS damaged_reason, d.events AS damaged_events, d.first_event_at AS damaged_since,
      coalesce((SELECT json_agg(json_build_object('kind', o.kind, 'labelZh', o.label_zh, 'labelEn', o.label_en,
          'due', to_char(o.due, 'YYYY-MM-DD'), 'legalSource', o.legal_source, 'provisional', o.provisional) ORDER BY o.due, o.kind)
        FROM ${t.openDeadlines} o WHERE o.case_id = p.case_id), '[]'::json) AS deadlines
    FROM page p LEFT JOIN ${t.cases} c ON c.case_id = p.case_id LEFT JOIN ${t.damagedCases} d ON d.case_id = p.case_id
    ORDER BY p.since, p.case_id`;
  return { text, values };
}

interface Row {
  case_id: string;
  since: string;
  total: string;
  case_type: string | null;
  section: string | null;
  stage: string | null;
  title: string | null;
  party_name: string | null;
  opened_at: Date | null;
  stage_since: Date | null;
  state: unknown;
  damaged_reason: string | null;
  damaged_events: number | null;
  damaged_since: Date | null;
  deadlines: OpenDeadline[];
}

export async function listStalledCases(
  db: Queryable,
  schema: string,
  filter: StalledFilter,
  limits: readonly StageLimitRow[],
  today: IsoDate,
): Promise<{ items: StalledRow[]; total: number; limit: number; offset: number }> {
  const query = buildStalledQuery(schema, filter, limits, today);
  const { rows } = await db.query<Row>(query.text, query.values);
  const { limit, offset } = pageOf(filter.limit, filter.offset);
  let total = rows[0] ? Number(rows[0].total) : 0;
  if (!rows[0] && offset > 0) {
    const first = buildStalledQuery(schema, { ...filter, offset: 0, limit: 1 }, limits, today);
    const again = await db.query<Row>(first.text, first.values);
    total = again.rows[0] ? Number(again.rows[0].total) : 0;
  }
  return {
    items: rows.map((r) => ({
      caseId: r.case_id,
      since: r.since,
      caseType: r.case_type,
      section: r.section,
      stage: r.stage,
      title: r.title,
      partyName: r.party_name,
      openedAt: r.opened_at?.toISOString() ?? null,
      stageSince: r.stage_since?.toISOString() ?? null,
      state: r.state,
      deadlines: r.deadlines,
      damaged:
        r.damaged_reason !== null && r.damaged_since !== null
          ? { reason: r.damaged_reason, since: r.damaged_since.toISOString(), events: r.damaged_events ?? 0 }
          : null,
    })),
    total,
    limit,
    offset,
  };
}
