import { z } from 'zod';

/** GET /api/processes: the registry as data (the OpenAPI schema and the handler's return type). */
const labels = z.object({ zh: z.string(), en: z.string() });
const commandView = z.object({
  type: z.string(),
  labels,
  permitted: z.boolean().describe('此人的角色是否允许（每次请求仍由权限检查决定）/ whether this person’s roles allow it on some case'),
});

export const processViewAnswer = z.object({
  caseType: z.string(),
  labels,
  route: z.string(),
  idPrefix: z.string(),
  openings: z.array(commandView),
  commands: z.array(commandView),
  stages: z.array(z.object({ stage: z.string(), labels })),
  events: z.array(z.object({ type: z.string(), labels })),
});
export type ProcessView = z.output<typeof processViewAnswer>;

export const processesAnswer = z.object({ processes: z.array(processViewAnswer) });
