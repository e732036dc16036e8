import { z } from 'zod';
import { isoDateSchema, personRoleSchema, sectionSchema } from '@qts/domain';

/** The answers of sign-in, accounts and assignments: the OpenAPI schemas and the handlers' return types. */
const timestamp = z.iso.datetime();

export const principalAnswer = z.object({
  id: z.string(),
  name: z.string(),
  roles: z.array(personRoleSchema).readonly(),
  section: sectionSchema.nullable(),
  certificate: z.object({ number: z.string(), validFrom: isoDateSchema, validTo: isoDateSchema }).nullable(),
});

export const signedInAnswer = z.object({
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().int().describe('访问令牌有效秒数 / seconds the access token is valid'),
  refreshToken: z
    .string()
    .optional()
    .describe(
      '仅 tokenDelivery: body（API 客户端）；浏览器的在 HttpOnly Cookie / only for tokenDelivery: body; a browser’s is in the cookie',
    ),
  sessionExpiresAt: timestamp,
  user: principalAnswer,
});
export type SignedIn = z.output<typeof signedInAnswer>;

export const loggedOutAnswer = z.object({ loggedOut: z.literal(true) });
export const passwordChangedAnswer = z.object({ changed: z.literal(true) });

export const meAnswer = principalAnswer.extend({
  permissions: z
    .record(z.string(), z.array(z.string()))
    .describe('按案件类型列出角色允许的命令，actions 为其他操作 / commands the roles allow, per case type; `actions`: other actions'),
});

export const userAnswer = principalAnswer.extend({
  disabledAt: timestamp.nullable(),
  disabledReason: z.string().nullable(),
  createdAt: timestamp,
});
export const usersAnswer = z.array(userAnswer);

export const assignmentAnswer = z.object({
  caseId: z.string(),
  userId: z.string(),
  grantedBy: z.string(),
  reason: z.string(),
  grantedAt: timestamp,
});
export const assignmentsAnswer = z.array(assignmentAnswer);
export const revokedAnswer = z.object({ revoked: z.literal(true) });
