import { z } from 'zod';

/** A query-string flag: `true` or `false`, anything else a 400 naming the parameter. */
export const queryFlag = z.enum(['true', 'false']).transform((v) => v === 'true');
