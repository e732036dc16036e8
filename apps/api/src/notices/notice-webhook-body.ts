import { z } from 'zod';

/** A notice as the notices stream carries it: a case event's envelope (escalation notices, reminders) or a damaged case. */
const envelopeNotice = z.object({
  eventId: z.string().min(1),
  caseId: z.string().min(1),
  caseType: z.string().min(1),
  type: z.string().min(1),
  occurredAt: z.string(),
  payload: z.object({
    deadlineKind: z.string().optional(),
    level: z.string().optional(),
    recipientRole: z.string().optional(),
    inspectorIds: z.array(z.string()).optional(),
    due: z.string().optional(),
    legalSource: z.string().optional(),
    message: z.string(),
  }),
});
const damagedNotice = z.object({
  type: z.literal('CaseDamaged'),
  noticeId: z.string().min(1),
  caseId: z.string().min(1),
  caseType: z.string().nullable().optional(),
  recipientRole: z.string(),
  at: z.string(),
  message: z.string(),
});
export const noticeMessageSchema = z.union([envelopeNotice, damagedNotice]);
export type NoticeMessage = z.infer<typeof noticeMessageSchema>;

/** What a webhook receives: the case (id, type, title), who must act, what to do and by when, versioned. */
export interface NoticeWebhookBody {
  version: 1;
  noticeId: string;
  type: string;
  caseId: string;
  caseType: string | null;
  title: string | null;
  section: string | null;
  level: string | null;
  recipientRole: string | null;
  recipientIds: string[];
  due: string | null;
  message: string;
  legalSource: string | null;
  raisedAt: string;
}

export function webhookBodyOf(notice: NoticeMessage, caseRow: { title: string; section: string } | undefined): NoticeWebhookBody {
  const common = { version: 1 as const, caseId: notice.caseId, title: caseRow?.title ?? null, section: caseRow?.section ?? null };
  if ('noticeId' in notice)
    return {
      ...common,
      noticeId: notice.noticeId,
      type: notice.type,
      caseType: notice.caseType ?? null,
      level: null,
      recipientRole: notice.recipientRole,
      recipientIds: [],
      due: null,
      message: notice.message,
      legalSource: null,
      raisedAt: notice.at,
    };
  const p = notice.payload;
  return {
    ...common,
    noticeId: notice.eventId,
    type: notice.type,
    caseType: notice.caseType,
    level: p.level ?? null,
    recipientRole: p.recipientRole ?? (p.inspectorIds ? 'officer' : null),
    recipientIds: p.inspectorIds ?? [],
    due: p.due ?? null,
    message: p.message,
    legalSource: p.legalSource ?? null,
    raisedAt: notice.occurredAt,
  };
}
