import type { Queryable } from '../queryable';
import { tablesOf } from '../tables';
import type { SqlQuery } from './list-cases';
import { NOTICE_COLUMNS, pageOf, toNotice, type NoticeEntry, type NoticeRow, type Page } from './rows';

export interface NoticeFilter {
  caseId?: string;
  bureauId?: string;
  recipientRole?: NoticeEntry['recipientRole'];
  /** notices naming this person */
  recipientId?: string;
  level?: NoticeEntry['level'];
  /** notices of the cases owned by this section (a chief's own desk) */
  section?: string;
  /** only notices of cases of these sections or with these ids (a reader's need to know); absent: all */
  visibleTo?: { sections: readonly string[]; caseIds: readonly string[] };
  limit?: number;
  offset?: number;
}

/** Pure: the SQL of a notice list, newest first. */
export function buildNoticeListQuery(schema: string, filter: NoticeFilter): SqlQuery {
  const values: unknown[] = [];
  const where: string[] = [];
  const equals = (column: string, value: unknown) => {
    values.push(value);
    where.push(`${column} = $${values.length}`);
  };
  if (filter.caseId !== undefined) equals('case_id', filter.caseId);
  if (filter.bureauId !== undefined) equals('bureau_id', filter.bureauId);
  if (filter.recipientRole !== undefined) equals('recipient_role', filter.recipientRole);
  if (filter.level !== undefined) equals('level', filter.level);
  if (filter.recipientId !== undefined) {
    values.push(filter.recipientId);
    where.push(`$${values.length} = ANY(recipient_ids)`);
  }
  if (filter.section !== undefined) {
    values.push(filter.section);
    where.push(`EXISTS (SELECT 1 FROM ${tablesOf(schema).cases} c WHERE c.case_id = n.case_id AND c.section = $${values.length})`);
  }
  if (filter.visibleTo !== undefined) {
    values.push(filter.visibleTo.sections, filter.visibleTo.caseIds);
    where.push(
      `(n.case_id = ANY($${values.length}::text[]) OR EXISTS (SELECT 1 FROM ${tablesOf(schema).cases} c WHERE c.case_id = n.case_id AND c.section = ANY($${values.length - 1}::text[])))`,
    );
  }
  const { limit, offset } = pageOf(filter.limit, filter.offset);
  values.push(limit, offset);
  const text = `SELECT ${NOTICE_COLUMNS}, count(*) OVER () AS total FROM ${tablesOf(schema).notices} n
    ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY raised_at DESC, event_id DESC LIMIT $${values.length - 1} OFFSET $${values.length}`;
  return { text, values };
}

export async function listNotices(db: Queryable, schema: string, filter: NoticeFilter = {}): Promise<Page<NoticeEntry>> {
  const query = buildNoticeListQuery(schema, filter);
  const { rows } = await db.query<NoticeRow & { total: string }>(query.text, query.values);
  const { limit, offset } = pageOf(filter.limit, filter.offset);
  let total = rows[0] ? Number(rows[0].total) : 0;
  if (!rows[0] && offset > 0) {
    const first = buildNoticeListQuery(schema, { ...filter, limit: 1, offset: 0 });
    const counted = await db.query<{ total: string }>(first.text, first.values);
    total = counted.rows[0] ? Number(counted.rows[0].total) : 0;
  }
  return { items: rows.map(toNotice), total, limit, offset };
}

/** One notice by its event id. */
export async function getNotice(db: Queryable, schema: string, eventId: string): Promise<NoticeEntry | undefined> {
  const { rows } = await db.query<NoticeRow>(`SELECT ${NOTICE_COLUMNS} FROM ${tablesOf(schema).notices} n WHERE event_id = $1`, [eventId]);
  return rows[0] ? toNotice(rows[0]) : undefined;
}
