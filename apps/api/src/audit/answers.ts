import { z } from 'zod';
import { actorSchema } from '@qts/domain';
import { damagedCaseAnswer } from '../cases/answers';

/** The answers of the audit routes: the OpenAPI schemas and the handlers' return types. */
const timestamp = z.iso.datetime();

const identityLogReport = z.object({
  ok: z.boolean(),
  entriesChecked: z.number().int(),
  firstBreak: z
    .object({
      seq: z.number().int(),
      reason: z.enum(['hash_mismatch', 'previous_hash_mismatch', 'sequence_gap']),
      message: z.string(),
    })
    .nullable(),
});

export const verificationAnswer = z.object({
  schema: z.string(),
  casesChecked: z.number().int(),
  eventsChecked: z.number().int(),
  broken: z
    .array(
      z.object({
        caseId: z.string(),
        seq: z.number().int(),
        eventId: z.string(),
        reason: z.enum(['hash_mismatch', 'previous_hash_mismatch', 'sequence_gap', 'missing_hash']),
        message: z.string(),
      }),
    )
    .describe('每个链断开的案件的第一处断点 / the first broken link of each case'),
  ok: z.boolean(),
  identityLog: identityLogReport.optional().describe('账户审计日志（不指定案件时）/ the identity audit log, when no case is named'),
  damagedCases: z.array(damagedCaseAnswer),
});

export const refusalsAnswer = z.array(
  z.object({
    refusedAt: timestamp,
    caseId: z.string().nullable(),
    actor: actorSchema,
    command: z.unknown().describe('被拒绝的命令原文 / the refused command as sent'),
    code: z.string(),
    message: z.string(),
  }),
);

export const identityLogAnswer = z.array(
  z.object({
    seq: z.number().int(),
    at: timestamp,
    actorId: z.string(),
    action: z.enum([
      'user.created',
      'user.roles_changed',
      'user.certificate_changed',
      'user.disabled',
      'user.enabled',
      'user.password_changed',
      'assignment.granted',
      'assignment.revoked',
      'session.opened',
      'session.ended',
    ]),
    subject: z.string(),
    details: z.record(z.string(), z.unknown()),
    prevHash: z.string().nullable(),
    hash: z.string(),
  }),
);
