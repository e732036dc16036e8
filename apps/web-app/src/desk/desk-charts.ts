import type { DeskCounts } from '../api/types';
import type { ChartOption } from '../shell/echart';

type T = (zh: string, en: string) => string;
interface Bar {
  key: string;
  name: string;
  open: number;
  overdue: number;
}

/** Open cases as stacked bars, on time and overdue, one bar per row (process, section, age). */
export function barsOption(bars: Bar[], t: T): ChartOption {
  return {
    grid: { left: 130, right: 16, top: 28, bottom: 24 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: bars.map((b) => b.name), inverse: true },
    series: [
      {
        type: 'bar',
        name: t('未逾期', 'on time'),
        stack: 'all',
        data: bars.map((b) => b.open - b.overdue),
        itemStyle: { color: '#1f5fa8' },
      },
      { type: 'bar', name: t('逾期', 'overdue'), stack: 'all', data: bars.map((b) => b.overdue), itemStyle: { color: '#c0392b' } },
    ],
  };
}

/** Each section's overdue rate week by week (its open cases past a deadline at the week's end). */
export function weeklyOption(weekly: DeskCounts['weekly'], sectionName: (s: string) => string, t: T): ChartOption {
  const weeks = [...new Set(weekly.map((w) => w.week))].sort();
  const sections = [...new Set(weekly.map((w) => w.section))];
  return {
    grid: { left: 48, right: 16, top: 36, bottom: 28 },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${Number(v).toFixed(1)}%` },
    legend: { top: 0, type: 'scroll' },
    xAxis: { type: 'category', data: weeks },
    yAxis: { type: 'value', min: 0, axisLabel: { formatter: '{value}%' }, name: t('逾期率', 'overdue rate') },
    series: sections.map((s) => ({
      type: 'line',
      name: sectionName(s),
      data: weeks.map((w) => {
        const hit = weekly.find((x) => x.section === s && x.week === w);
        return hit ? Math.round(hit.overdueRate * 1000) / 10 : null;
      }),
    })),
  };
}
