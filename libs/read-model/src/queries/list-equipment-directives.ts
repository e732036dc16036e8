import { DIRECTIVE_CASE_TYPE, type Equipment, type IsoDate } from '@qts/domain';
import type { Queryable } from '../queryable';
import { tablesOf } from '../tables';
import { CASE_SUMMARY_COLUMNS, toCaseSummary, type CaseSummary, type CaseSummaryRow } from './rows';
import { todayInShanghai } from './today';
import { visibleToClause, type VisibleTo } from './visible-to';

export interface EquipmentDirectiveFilter {
  /** the user unit's name, exactly */
  unitName?: string;
  registrationCode?: string;
  /** closed cases too (default: open ones only) */
  includeClosed?: boolean;
  today?: IsoDate;
  visibleTo?: VisibleTo;
}

/** A directive case as a manager sees it for a unit or a device: what it is (emergency order, seal) and the equipment. */
export interface EquipmentDirective extends CaseSummary {
  equipment: Equipment | null;
  emergencyOrder: boolean;
  /** an emergency order still without its written directive (特种设备安全法 第六十二条 随后补发) */
  awaitingWrittenDirective: boolean;
  sealed: boolean;
}

const AWAITING = `(state->'emergencyOrder' <> 'null'::jsonb AND state->'directive' = 'null'::jsonb)`;
const SEALED = `(state->'seal' <> 'null'::jsonb AND state->'seal'->'releasedOn' = 'null'::jsonb)`;

/**
 * Every directive, seal and emergency order of a unit or a device, from the read model: emergency orders awaiting their
 * written directive first, then the overdue, then by the next due date.
 */
export async function listEquipmentDirectives(
  db: Queryable,
  schema: string,
  filter: EquipmentDirectiveFilter,
): Promise<EquipmentDirective[]> {
  const values: unknown[] = [filter.today ?? todayInShanghai(), DIRECTIVE_CASE_TYPE];
  const where = ['case_type = $2'];
  if (!filter.includeClosed) where.push('closed = false');
  if (filter.unitName !== undefined) {
    values.push(filter.unitName);
    where.push(`state->'equipment'->'userUnit'->>'name' = $${values.length}`);
  }
  if (filter.registrationCode !== undefined) {
    values.push(filter.registrationCode);
    where.push(`state->'equipment'->>'registrationCode' = $${values.length}`);
  }
  if (filter.visibleTo !== undefined) where.push(visibleToClause(values, filter.visibleTo));
  const { rows } = await db.query<
    CaseSummaryRow & { equipment: Equipment | null; emergency_order: boolean; awaiting: boolean; sealed: boolean }
  >(
    `SELECT ${CASE_SUMMARY_COLUMNS}, state->'equipment' AS equipment, state->'emergencyOrder' <> 'null'::jsonb AS emergency_order,
       ${AWAITING} AS awaiting, ${SEALED} AS sealed
     FROM ${tablesOf(schema).cases} WHERE ${where.join(' AND ')}
     ORDER BY awaiting DESC, overdue DESC, next_due ASC NULLS LAST, case_id ASC LIMIT 500`,
    values,
  );
  return rows.map((r) => ({
    ...toCaseSummary(r),
    equipment: r.equipment,
    emergencyOrder: r.emergency_order,
    awaitingWrittenDirective: r.awaiting,
    sealed: r.sealed,
  }));
}
