/** Times as the bureau reads them: Beijing time. */
export const beijingTime = (iso: string): string =>
  new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, dateStyle: 'short', timeStyle: 'short' });

/** Today's date in Beijing (YYYY-MM-DD). */
export const todayInBeijing = (): string => new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
