import { AGE_BUCKETS, type OverviewCell, type WeekRow } from '@qts/read-model';
import { processOf, type IsoDate } from '@qts/domain';
import type { z } from 'zod';
import type { deskCountsAnswer } from './answers';

type Count = { open: number; overdue: number };

function add(map: Map<string, Count>, key: string, cell: Count): void {
  const c = map.get(key) ?? { open: 0, overdue: 0 };
  map.set(key, { open: c.open + cell.open, overdue: c.overdue + cell.overdue });
}

const rate = (overdue: number, of: number) => (of === 0 ? 0 : Math.round((overdue / of) * 1000) / 1000);

/** Pure: the desk's counts from the cells of the overview query (open cases by process, stage, section and age). */
export function summarise(o: { cells: OverviewCell[]; weekly: WeekRow[] }, today: IsoDate): z.output<typeof deskCountsAnswer> {
  const byProcess = new Map<string, Count>();
  const byStage = new Map<string, Count>();
  const bySection = new Map<string, Count>();
  const byAge = new Map<string, Count>(AGE_BUCKETS.map((a) => [a, { open: 0, overdue: 0 }]));
  const totals = { open: 0, overdue: 0 };
  for (const cell of o.cells) {
    add(byProcess, cell.caseType, cell);
    add(byStage, `${cell.caseType}\u0000${cell.stage}`, cell);
    add(bySection, cell.section, cell);
    add(byAge, cell.age, cell);
    totals.open += cell.open;
    totals.overdue += cell.overdue;
  }
  const label = (caseType: string) => processOf(caseType)?.labels ?? { zh: caseType, en: caseType };
  return {
    today,
    totals,
    byProcess: [...byProcess].map(([caseType, c]) => ({ caseType, label: label(caseType), ...c })),
    byStage: [...byStage].map(([key, c]) => {
      const [caseType = '', stage = ''] = key.split('\u0000');
      return { caseType, stage, label: processOf(caseType)?.stages.label(stage) ?? { zh: stage, en: stage }, ...c };
    }),
    bySection: [...bySection].map(([section, c]) => ({ section, ...c, overdueRate: rate(c.overdue, c.open) })),
    byAge: AGE_BUCKETS.map((age) => ({ age, ...(byAge.get(age) ?? { open: 0, overdue: 0 }) })),
    weekly: o.weekly.map((w) => ({ ...w, overdueRate: rate(w.overdueNow, w.opened) })),
  };
}
