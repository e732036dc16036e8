import { z } from 'zod';
import { isoDateSchema } from '@qts/domain';
import { pageAnswer } from '../cases/answers';
import { moveAnswer } from './answers';

/** A notice as its recipient sees it: the case, its title, the action needed (the case's moves) and whether read. */
export const myNoticeAnswer = z.object({
  eventId: z.string(),
  caseId: z.string(),
  caseType: z.string().nullable(),
  title: z.string().nullable().describe('案件名称 / the case title'),
  stage: z.string().nullable(),
  stageLabel: z.object({ zh: z.string(), en: z.string() }).nullable(),
  level: z.enum(['approaching', 'missed']),
  recipientRole: z.enum(['officer', 'section_chief', 'bureau_head']),
  deadlineKind: z.string(),
  due: isoDateSchema,
  legalSource: z.string(),
  message: z.string(),
  raisedAt: z.iso.datetime(),
  actionNeeded: z.array(moveAnswer).describe('案件现在须办理的命令 / what the case needs now'),
  acknowledgedAt: z.iso.datetime().nullable().describe('本人已读确认时间 / when the signed-in person acknowledged it'),
});
export const myNoticePageAnswer = pageAnswer(myNoticeAnswer);

export const noticeAckAnswer = z.object({
  eventId: z.string(),
  recipientId: z.string(),
  acknowledgedAt: z.iso.datetime(),
  alreadyAcknowledged: z.boolean().describe('此前已确认（不重复记录）/ acknowledged before: recorded once'),
});
