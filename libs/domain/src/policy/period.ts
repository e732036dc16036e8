import { z } from 'zod';

/** A legal period. Working days follow the State Council calendar; months and days are calendar periods. */
export const periodSchema = z.object({
  unit: z.enum(['working_days', 'days', 'months']),
  count: z.number().int().nonnegative(),
});
export type Period = z.infer<typeof periodSchema>;

export function workingDays(count: number): Period {
  return { unit: 'working_days', count };
}
export function days(count: number): Period {
  return { unit: 'days', count };
}
export function months(count: number): Period {
  return { unit: 'months', count };
}

export function describePeriod(p: Period): string {
  switch (p.unit) {
    case 'working_days':
      return `${p.count}个工作日`;
    case 'days':
      return `${p.count}日`;
    case 'months':
      return `${p.count}个月`;
    default: {
      const never: never = p.unit;
      return never;
    }
  }
}
