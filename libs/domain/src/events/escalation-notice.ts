import { z } from 'zod';
import { isoDateSchema } from '../shared/iso-date';
import { roleSchema } from '../shared/actor';

/** The payload of `EscalationNoticeRaised`, the same for every process (the read model's notices list reads it). */
export const escalationNoticeRaisedSchema = z.object({
  noticeKey: z.string(),
  /** keys of earlier notices this one makes pointless (a warning for a deadline already missed) */
  supersedes: z.array(z.string()).default([]),
  deadlineKind: z.string(),
  level: z.enum(['approaching', 'missed']),
  recipientRole: roleSchema.extract(['section_chief', 'bureau_head']),
  due: isoDateSchema,
  legalSource: z.string(),
  message: z.string(),
});

/** A notice as the deciders build it (before defaults are applied). */
export type EscalationNoticeRaisedPayload = z.input<typeof escalationNoticeRaisedSchema>;

/** A notice as the read model reads it (defaults applied). */
export type EscalationNoticePayload = z.output<typeof escalationNoticeRaisedSchema>;

/** The event every process raises its notices with. */
export const ESCALATION_NOTICE_EVENT = 'EscalationNoticeRaised';
