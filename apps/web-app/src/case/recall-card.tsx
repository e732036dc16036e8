import { useMemo } from 'react';
import type { CaseView } from '../api/types';
import { useLang } from '../i18n/lang';
import { EChart, type ChartOption } from '../shell/echart';
import { curveOf, pct, recallFigures } from './recall-curve';

/** 召回效果: the completion curve (each report; stalled ones red; the target dashed) and the effectiveness figures. */
export function RecallCard({ c }: { c: CaseView }) {
  const { t, l } = useLang();
  const curve = useMemo(() => curveOf(c.state), [c.state]);
  const option = useMemo<ChartOption | null>(() => {
    if (!curve) return null;
    const { points, target } = curve;
    return {
      grid: { left: 48, right: 16, top: 24, bottom: 32 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${Number(v).toFixed(1)}%` },
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
                  label: { formatter: `${t('目标', 'target')} ${pct(target)}` },
                  data: [{ yAxis: target / 10 }],
                },
              }
            : {}),
        },
      ],
    };
  }, [curve, t]);
  if (!curve || !option) return null;
  return (
    <div className="card" data-testid="recall-card">
      <h3>{t('召回效果', 'Recall effectiveness')}</h3>
      {curve.points.length > 1 ? (
        <EChart option={option} label={t('召回完成率曲线', 'completion curve')} />
      ) : (
        <p className="muted">{t('尚无阶段性报告', 'no progress report yet')}</p>
      )}
      <table>
        <tbody>
          {recallFigures(c.state).map(([k, v]) => (
            <tr key={k.en}>
              <td>{l(k)}</td>
              <td>{typeof v === 'string' ? v : l(v)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
