import { z } from 'zod';

/** What /health answers (200 when every service is up, 503 with the same report when one is down). */
const serviceHealth = z.object({
  status: z.enum(['up', 'down']),
  latencyMs: z.number().int(),
  error: z.string().optional(),
});
export type ServiceHealth = z.output<typeof serviceHealth>;

const workerHealth = z.object({
  status: z.enum(['up', 'down']),
  pollers: z.number().int().describe('近 90 秒轮询任务队列的工作进程 / workers polling the task queue in the last 90 s'),
  lastPollAt: z.iso.datetime().nullable(),
});
export type WorkerHealth = z.output<typeof workerHealth>;

const projectorHealth = z.object({
  status: z.enum(['up', 'down']),
  members: z.number().int().describe('投影消费组成员 / members of the projector consumer group'),
  lag: z.number().int().describe('尚未写入查询库的事件 / case events not yet in the read model'),
});
export type ProjectorHealth = z.output<typeof projectorHealth>;

export const healthAnswer = z.object({
  status: z
    .enum(['up', 'degraded', 'down'])
    .describe(
      'down（503）：有服务不可用；degraded（200）：工作进程或投影进程停止，或查询库缺少部分案件的事件 / down (503): a service is down; degraded (200): the worker or projector is gone, or the read model lacks events of some cases',
    ),
  services: z.object({ temporal: serviceHealth, kafka: serviceHealth, postgres: serviceHealth }),
  apps: z.object({
    api: z.object({ status: z.literal('up') }),
    worker: workerHealth.nullable().describe('Temporal 不可用时为 null / null while Temporal is down'),
    projector: projectorHealth.nullable().describe('Kafka 或 PostgreSQL 不可用时为 null / null while Kafka or PostgreSQL is down'),
  }),
  projection: z.object({
    status: z.enum(['up', 'degraded']),
    damagedCases: z.number().int().nullable().describe('受损案件数，见 /api/audit/damaged / damaged cases, named in /api/audit/damaged'),
  }),
});
export type HealthReport = z.output<typeof healthAnswer>;
