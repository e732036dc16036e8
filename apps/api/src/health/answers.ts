import { z } from 'zod';

/** What /health answers (200 when every service is up, 503 with the same report when one is down). */
const serviceHealth = z.object({
  status: z.enum(['up', 'down']),
  latencyMs: z.number().int(),
  error: z.string().optional(),
});
export type ServiceHealth = z.output<typeof serviceHealth>;

export const healthAnswer = z.object({
  status: z.enum(['up', 'degraded', 'down']).describe('degraded：查询库缺少部分案件的事件 / the read model lacks events of some cases'),
  services: z.object({ temporal: serviceHealth, kafka: serviceHealth, postgres: serviceHealth }),
  projection: z.object({
    status: z.enum(['up', 'degraded']),
    damagedCases: z.number().int().nullable().describe('受损案件数，见 /api/audit/damaged / damaged cases, named in /api/audit/damaged'),
  }),
});
export type HealthReport = z.output<typeof healthAnswer>;
