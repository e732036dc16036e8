import { z } from 'zod';
import { actorSchema, isoDateSchema, roleSchema } from '@qts/domain';

/** The answers of the case reads: the OpenAPI schemas and the handlers' return types. */
const timestamp = z.iso.datetime();
const fen = z.number().int();

export const caseSummaryAnswer = z.object({
  caseId: z.string(),
  caseType: z.string(),
  bureauId: z.string(),
  section: z.string(),
  stage: z.string(),
  procedure: z.string().nullable(),
  title: z.string(),
  partyName: z.string(),
  closed: z.boolean(),
  lastSeq: z.number().int(),
  openedAt: timestamp,
  updatedAt: timestamp,
  nextDue: isoDateSchema.nullable().describe('最早的未届满期限 / the earliest open deadline'),
  overdue: z.boolean(),
});

/** A page of a list: the items, how many match in all, and the page asked for. */
export function pageAnswer<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });
}
export const casePageAnswer = pageAnswer(caseSummaryAnswer);

export const noticeAnswer = z.object({
  eventId: z.string(),
  caseId: z.string(),
  bureauId: z.string(),
  deadlineKind: z.string(),
  level: z.enum(['approaching', 'missed']),
  recipientRole: roleSchema.extract(['officer', 'section_chief', 'bureau_head']),
  /** the people it names (an officer's reminder); empty for a chief's or the head's notice */
  recipientIds: z.array(z.string()),
  due: isoDateSchema,
  legalSource: z.string(),
  message: z.string(),
  raisedAt: timestamp,
});
export const noticePageAnswer = pageAnswer(noticeAnswer);

export const damagedCaseAnswer = z.object({
  caseId: z.string(),
  caseType: z.string().nullable(),
  bureauId: z.string().nullable(),
  firstSeq: z.number().int().nullable(),
  lastSeq: z.number().int().nullable(),
  events: z.number().int(),
  reason: z.string(),
  lastReason: z.string(),
  firstEventAt: timestamp,
  lastEventAt: timestamp,
});
export const damagedCasesAnswer = z.array(damagedCaseAnswer);

const amountDueAnswer = z.object({
  asOf: isoDateSchema,
  fineFen: fen,
  principalPaidFen: fen,
  principalOutstandingFen: fen,
  lateFeeFen: fen,
  lateFeePaidFen: fen,
  totalDueFen: fen,
  lateFeeCapped: z.boolean(),
  daysLate: z.number().int(),
  fineYuan: z.string(),
  lateFeeYuan: z.string(),
  totalDueYuan: z.string(),
  lateFeeSource: z.string().describe('法律依据 / legal source'),
  schedule: z.array(z.object({ dueOn: isoDateSchema, amountFen: fen })),
});

export const caseAnswer = caseSummaryAnswer.extend({
  state: z.unknown().describe('流程状态（随案件类型而定）/ the process state, per case type'),
  timeline: z.array(
    z.object({
      seq: z.number().int(),
      eventId: z.string(),
      type: z.string(),
      schemaVersion: z.number().int(),
      occurredAt: timestamp,
      actor: actorSchema,
      payload: z.record(z.string(), z.unknown()),
      prevHash: z.string().nullable(),
      hash: z.string().nullable(),
    }),
  ),
  deadlines: z.array(
    z.object({
      kind: z.string(),
      labelZh: z.string(),
      labelEn: z.string(),
      due: isoDateSchema,
      legalSource: z.string(),
      provisional: z.boolean(),
      overdue: z.boolean(),
    }),
  ),
  notices: z.array(noticeAnswer),
  damaged: damagedCaseAnswer.nullable().describe('事件未能写入查询库时 / when events could not be projected'),
  amountDue: amountDueAnswer.nullable().describe('处罚案件的应缴金额 / the amount due of a penalty case'),
});
