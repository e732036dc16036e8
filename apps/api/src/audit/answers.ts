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
  eventLog: z
    .object({
      ok: z.boolean(),
      missing: z.array(
        z.object({
          caseId: z.string(),
          caseType: z.string().nullable(),
          seenIn: z.enum(['kafka', 'temporal']),
          wholeCase: z.boolean(),
          missingSeqs: z.array(z.number().int()),
        }),
      ),
      damagedInLog: z.number().int(),
      casesInLog: z.number().int(),
      eventsInLog: z.number().int(),
      pendingEvents: z.number().int(),
      unreadableEvents: z.number().int(),
    })
    .describe(
      '查询库与事件日志（Kafka 至投影位置、Temporal 本局本队列的流程）比对 / the read model against the event log (Kafka up to the projector, Temporal workflows of this bureau and task queue)',
    ),
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
