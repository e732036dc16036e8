import { z } from 'zod';
import { dayOfWeek, isoDateSchema } from '../shared/iso-date';

/** One holiday block of a notice, e.g. 春节 2027-02-05 … 2027-02-12 (rest days, weekends included). */
const noticeHolidaySchema = z.strictObject({
  name: z.string().trim().min(1).max(40),
  from: isoDateSchema,
  to: isoDateSchema,
});

/**
 * The State Council's yearly holiday notice (国务院办公厅关于 YYYY 年部分节假日安排的通知), as an administrator
 * transcribes it: the rest-day blocks and the adjusted working weekends (调休上班) of one year.
 * Whether the blocks contain every statutory holiday is checked when the calendar is built
 * (checkNoticeAgainstStatute), because that needs the lunar calendar.
 */
export const stateCouncilNoticeSchema = z
  .strictObject({
    year: z.number().int().min(2000).max(2099),
    /** e.g. 国务院办公厅关于2027年部分节假日安排的通知 */
    title: z.string().trim().min(1).max(200),
    /** e.g. 国办发明电〔2024〕12号 */
    documentNo: z.string().trim().min(1).max(60).optional(),
    holidays: z.array(noticeHolidaySchema).min(1),
    workdays: z.array(isoDateSchema),
  })
  .superRefine((n, ctx) => {
    const prefix = `${n.year}-`;
    if (!n.title.includes(`${n.year}年`)) {
      ctx.addIssue({
        code: 'custom',
        path: ['title'],
        message: `the title does not name the year ${n.year} (expected "…关于${n.year}年部分节假日安排的通知")`,
      });
    }
    n.holidays.forEach((h, i) => {
      if (!h.from.startsWith(prefix))
        ctx.addIssue({ code: 'custom', path: ['holidays', i, 'from'], message: `${h.from} is not in ${n.year}` });
      if (!h.to.startsWith(prefix)) ctx.addIssue({ code: 'custom', path: ['holidays', i, 'to'], message: `${h.to} is not in ${n.year}` });
      if (h.from > h.to) ctx.addIssue({ code: 'custom', path: ['holidays', i, 'to'], message: `${h.name}: ${h.to} is before ${h.from}` });
    });
    const seen = new Set<string>();
    n.workdays.forEach((d, i) => {
      if (!d.startsWith(prefix)) ctx.addIssue({ code: 'custom', path: ['workdays', i], message: `${d} is not in ${n.year}` });
      const w = dayOfWeek(d);
      if (w !== 0 && w !== 6)
        ctx.addIssue({
          code: 'custom',
          path: ['workdays', i],
          message: `${d} is not a Saturday or Sunday; an adjusted working day (调休上班) is always a weekend day`,
        });
      const block = n.holidays.find((h) => h.from <= d && d <= h.to);
      if (block !== undefined)
        ctx.addIssue({ code: 'custom', path: ['workdays', i], message: `${d} is inside the ${block.name} rest days` });
      if (seen.has(d)) ctx.addIssue({ code: 'custom', path: ['workdays', i], message: `${d} is listed twice` });
      seen.add(d);
    });
  });
export type StateCouncilNotice = z.infer<typeof stateCouncilNoticeSchema>;
