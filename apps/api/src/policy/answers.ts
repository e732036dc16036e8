import { z } from 'zod';
import { isoDateSchema } from '@qts/domain';

/** GET /api/policy/penalty-provisions: the provisions a penalty decision may cite, each version with its range and source. */
const fineRange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('absolute'), minFen: z.number().int(), maxFen: z.number().int() }),
  z.object({
    kind: z.literal('goods_value_multiple'),
    minBasisPoints: z.number().int().describe('货值金额的倍数，万分之一 / multiple of the goods value, in basis points'),
    maxBasisPoints: z.number().int(),
  }),
]);

export const penaltyProvisionsAnswer = z.array(
  z.object({
    provisionId: z.string(),
    titleZh: z.string(),
    descriptionZh: z.string().describe('条文 / the article'),
    descriptionEn: z.string(),
    versions: z.array(z.object({ effectiveFrom: isoDateSchema, range: fineRange, source: z.string().describe('法律依据 / legal source') })),
  }),
);
