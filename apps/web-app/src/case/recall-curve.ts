import type { Labels } from '../i18n/labels';
import { arr, num, obj, str } from './state';

/** One point of a recall's completion curve: 0 at publication, then each report (stalled ones flagged). */
export interface CurvePoint {
  on: string;
  permille: number;
  notified: number;
  remedied: number;
  stalled: boolean;
}

export const pct = (permille: number): string => `${(permille / 10).toFixed(1)}%`;

/** The curve of a recall's state (read model), and the bureau's completion target when set; null before a plan is filed. */
export function curveOf(state: unknown): { points: CurvePoint[]; target: number | undefined } | null {
  const s = obj(state);
  const plan = obj(s['plan']);
  if (Object.keys(plan).length === 0) return null;
  const stalledOn = arr(s['stalledOn']).map(String);
  const start = str(obj(s['publication'])['publishedOn']) ?? str(plan['filedOn']);
  const reported = arr(s['progress']).map((v): CurvePoint => {
    const p = obj(v);
    const on = str(p['on']) ?? '';
    return {
      on,
      permille: num(p['permille']) ?? 0,
      notified: num(p['notified']) ?? 0,
      remedied: num(p['remedied']) ?? 0,
      stalled: stalledOn.includes(on),
    };
  });
  const points = start ? [{ on: start, permille: 0, notified: 0, remedied: 0, stalled: false }, ...reported] : reported;
  return { points, target: num(obj(obj(s['rules'])['completionThresholdPermille'])['value']) };
}

/** The effectiveness figures beside the curve: units, notified, remedied, completion, mode, check level, spot checks. */
export function recallFigures(state: unknown): [Labels, string | Labels][] {
  const s = obj(state);
  const plan = obj(s['plan']);
  const publication = obj(s['publication']);
  const last = obj(arr(s['progress']).at(-1));
  const checks = arr(s['spotChecks']).map(obj);
  const sum = (target: string, key: string) => checks.filter((c) => c['target'] === target).reduce((n, c) => n + (num(c[key]) ?? 0), 0);
  const level = str(publication['checkLevel']);
  return [
    [{ zh: '涉及数量', en: 'Units affected' }, String(num(plan['unitsAffected']) ?? '—')],
    [{ zh: '已通知', en: 'Notified' }, String(num(last['notified']) ?? 0)],
    [{ zh: '已消除缺陷', en: 'Remedied' }, String(num(last['remedied']) ?? 0)],
    [{ zh: '完成率', en: 'Completion' }, pct(num(last['permille']) ?? 0)],
    [{ zh: '召回方式', en: 'Mode' }, plan['mode'] === 'ordered' ? { zh: '责令召回', en: 'ordered' } : { zh: '主动召回', en: 'voluntary' }],
    [
      { zh: '效果核查等级', en: 'Check level' },
      level ? { zh: `${level} 级（本局规定，参照 21 CFR 7.42）`, en: `level ${level} (bureau setting, after 21 CFR 7.42)` } : '—',
    ],
    [
      { zh: '抽查销售者（查 / 仍在售）', en: 'Sellers checked / still selling' },
      `${sum('sellers', 'checked')} / ${sum('sellers', 'stillSelling')}`,
    ],
    [
      { zh: '抽查消费者（查 / 未消除）', en: 'Consumers checked / unremedied' },
      `${sum('consumers', 'checked')} / ${sum('consumers', 'stillSelling')}`,
    ],
    [{ zh: '停滞次数', en: 'Stalled reports' }, String(arr(s['stalledOn']).length)],
  ];
}
