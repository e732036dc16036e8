import { useMemo } from 'react';
import type { CaseView } from '../api/types';
import { useLang } from '../i18n/lang';
import { EChart, type ChartOption } from '../shell/echart';
import { arr, num, obj, str } from './state';

const pct = (permille: number) => `${(permille / 10).toFixed(1)}%`;

interface Point {
  on: string;
  permille: number;
  stalled: boolean;
}

/** The curve's points: 0 at publication (or the plan), then each report; and the bureau's target, when set. */
function curveOf(state: unknown): { points: Point[]; target: number | undefined } {
  const s = obj(state);
  const stalledOn = arr(s['stalledOn']).map(String);
  const start = str(obj(s['publication'])['publishedOn']) ?? str(obj(s['plan'])['filedOn']);
  const points = [
    ...(start ? [{ on: start, permille: 0, stalled: false }] : []),
    ...arr(s['progress']).map((v) => {
      const p = obj(v);
      const on = str(p['on']) ?? '';
      return { on, permille: num(p['permille']) ?? 0, stalled: stalledOn.includes(on) };
    }),
  ];
  return { points, target: num(obj(obj(s['rules'])['completionThresholdPermille'])['value']) };
}

/** 召回效果: the completion curve (each report; stalled ones red; the target dashed) and the effectiveness figures. */
export function RecallCard({ c }: { c: CaseView }) {
  const { t } = useLang();
  const option = useMemo<ChartOption>(() => {
    const { points, target } = curveOf(c.state);
    return {
      grid: { left: 48, right: 16, top: 24, bottom: 32 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: points.map((p) => p.on) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'line',
          name: t('完成率', 'completion'),
          data: points.map((p) => ({ value: p.permille / 10, itemStyle: { color: p.stalled ? '#c0392b' : '#1f5fa8' } })),
          ...(target !== undefined
            ? {
                markLine: {
                  symbol: 'none',
                  lineStyle: { type: 'dashed', color: '#b26b00' },
                  data: [{ yAxis: target / 10, name: t('目标', 'target') }],
                },
              }
            : {}),
        },
      ],
    };
  }, [c.state, t]);
  const s = obj(c.state);
  const plan = obj(s['plan']);
  if (Object.keys(plan).length === 0) return null;
  const progress = arr(s['progress']).map(obj);
  const last = progress.at(-1) ?? {};
  const rows: [string, string][] = [
    [t('涉及数量', 'Units affected'), String(num(plan['unitsAffected']) ?? '—')],
    [t('已通知', 'Notified'), String(num(last['notified']) ?? 0)],
    [t('已消除缺陷', 'Remedied'), String(num(last['remedied']) ?? 0)],
    [t('完成率', 'Completion'), pct(num(last['permille']) ?? 0)],
    [t('召回方式', 'Mode'), plan['mode'] === 'ordered' ? t('责令召回', 'ordered') : t('主动召回', 'voluntary')],
    [t('停滞次数', 'Stalled reports'), String(arr(s['stalledOn']).length)],
  ];
  return (
    <div className="card" data-testid="recall-card">
      <h3>{t('召回效果', 'Recall effectiveness')}</h3>
      {progress.length > 0 ? (
        <EChart option={option} label={t('召回完成率曲线', 'completion curve')} />
      ) : (
        <p className="muted">{t('尚无阶段性报告', 'no progress report yet')}</p>
      )}
      <table>
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k}>
              <td>{k}</td>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
