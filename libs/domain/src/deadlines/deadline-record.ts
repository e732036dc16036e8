import { z } from 'zod';
import { isoDateSchema } from '../shared/iso-date';
import { periodSchema } from '../policy/period';
import type { OpenDeadline } from '../events/case-projection';

/** A deadline as computed when it was set: the dates are facts recorded in the event, not recomputed later. */
export const deadlineRecordSchema = z.object({
  kind: z.string().min(1),
  labelZh: z.string(),
  labelEn: z.string(),
  due: isoDateSchema,
  provisional: z.boolean(),
  legalSource: z.string(),
  /** whether missing it raises escalation notices (the bureau's own deadlines, not the party's windows) */
  escalate: z.boolean(),
  /** when the section chief is warned ahead of the due date */
  warnOn: isoDateSchema.optional(),
  /** when the bureau head is told it was missed */
  bureauHeadOn: isoDateSchema.optional(),
  /**
   * how the due date was computed (a period from a date), kept so a provisional date can be computed again once
   * the State Council publishes the year's holidays; absent on deadlines that are not a plain period
   */
  basis: z.object({ from: isoDateSchema, period: periodSchema }).optional(),
});
export type DeadlineRecord = z.infer<typeof deadlineRecordSchema>;

export const deadlineChangesSchema = z.object({
  set: z.array(deadlineRecordSchema).default([]),
  clear: z.array(z.string()).default([]),
});
export type DeadlineChanges = z.infer<typeof deadlineChangesSchema>;

/** The open deadlines as officers see them, earliest first (the read model's view of any process). */
export function deadlineViews(deadlines: Record<string, DeadlineRecord>): OpenDeadline[] {
  return Object.values(deadlines)
    .map((d) => ({
      kind: d.kind,
      labelZh: d.labelZh,
      labelEn: d.labelEn,
      due: d.due,
      legalSource: d.legalSource,
      provisional: d.provisional,
    }))
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.kind.localeCompare(b.kind)));
}

/** The event of any process whose provisional deadlines were computed again on a newly loaded calendar. */
export function deadlinesRecomputed<D extends DeadlineRecord>(changed: D[]) {
  return {
    type: 'DeadlinesRecomputed' as const,
    payload: {
      reason: '国务院办公厅节假日安排已载入，暂定期限按新日历重算 / computed again on the newly loaded State Council calendar',
      deadlines: { set: changed, clear: [] },
    },
  };
}
