import { shanghaiDate, type IsoDate } from '@qts/domain';

/** Overdue is judged against the legal date in Asia/Shanghai, at query time. */
export function todayInShanghai(now: number = Date.now()): IsoDate {
  return shanghaiDate(now);
}
