import { z } from 'zod';
import { actorSchema, calendarSnapshotSchema, isoDateSchema } from '@qts/domain';
import { ROLLOUT_STATES } from './calendar-rollout';

/** The answers of the calendar routes: the OpenAPI schemas and the handlers' return types. */
const timestamp = z.iso.datetime();

export const calendarAnswer = z.object({
  horizon: isoDateSchema.describe('确定的最后一天，其后为暂定 / the last certain day; later days are provisional'),
  years: z.array(z.object({ year: z.number().int(), source: z.enum(['notice', 'library', 'statutory-only']), sourceNote: z.string() })),
  snapshot: calendarSnapshotSchema,
});

export const rolloutAnswer = z.object({
  id: z.string(),
  bureauId: z.string(),
  year: z.number().int(),
  revision: z.number().int(),
  noticeDigest: z.string(),
  loadedBy: actorSchema,
  loadedAt: timestamp,
  state: z.enum(ROLLOUT_STATES),
  startedAt: timestamp.nullable(),
  finishedAt: timestamp.nullable(),
  total: z.number().int(),
  done: z.number().int(),
  failed: z.number().int(),
  error: z.string().nullable(),
});
export const rolloutsAnswer = z.object({ rollouts: z.array(rolloutAnswer) });

export const noticeLoadedAnswer = z.object({
  rolloutId: z.string(),
  repeated: z.boolean().describe('同一通知再次载入：不新建下发 / the same notice again: no new rollout'),
  horizon: isoDateSchema,
  rollout: rolloutAnswer,
});
