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

/**
 * A notice as the read model keeps it: the escalation notice's payload, or a process's own reminder to named people
 * (`recipientRole` officer with `recipientIds`, e.g. the inspectors who owe the written directive after their
 * emergency order). One shape, so the notices list, the notices topic and the UI read every kind alike.
 */
export interface ProjectedNotice extends Omit<EscalationNoticePayload, 'recipientRole'> {
  recipientRole: EscalationNoticePayload['recipientRole'] | 'officer';
  /** the people it is for, when it names them (officers); empty for a role's notice */
  recipientIds: string[];
}

/** The event every process raises its notices with. */
export const ESCALATION_NOTICE_EVENT = 'EscalationNoticeRaised';
