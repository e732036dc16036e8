import { useCallback, useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { loadDesk, type CountRow } from '../desk/desk-data';
import { StalledTable } from '../desk/stalled-table';
import { useLang } from '../i18n/lang';
import { SECTIONS } from '../i18n/names';
import { useCatalogue } from '../shell/catalogue';
import { EChart, type ChartOption } from '../shell/echart';
import { Failure } from '../shell/failure';
import { useLoad } from '../shell/use-load';

/** Sums of open, overdue and stalled by one key (process, section). */
function totalsBy(rows: CountRow[], key: (r: CountRow) => string): [string, { open: number; overdue: number; stalled: number }][] {
  const out = new Map<string, { open: number; overdue: number; stalled: number }>();
  for (const r of rows) {
    const k = key(r);
    const sum = out.get(k) ?? { open: 0, overdue: 0, stalled: 0 };
    sum.open += r.open;
    sum.overdue += r.overdue;
    sum.stalled += r.stalled;
    out.set(k, sum);
  }
  return [...out.entries()].sort((a, b) => b[1].open - a[1].open);
}

function barOption(
  entries: [string, { open: number; overdue: number }][],
  names: (k: string) => string,
  t: (zh: string, en: string) => string,
): ChartOption {
  return {
    grid: { left: 120, right: 16, top: 28, bottom: 24 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: entries.map(([k]) => names(k)), inverse: true },
    series: [
      {
        type: 'bar',
        name: t('未逾期', 'on time'),
        stack: 'all',
        data: entries.map(([, v]) => v.open - v.overdue),
        itemStyle: { color: '#1f5fa8' },
      },
      { type: 'bar', name: t('逾期', 'overdue'), stack: 'all', data: entries.map(([, v]) => v.overdue), itemStyle: { color: '#c0392b' } },
    ],
  };
}

/** 督办台: what is stuck, why and whose move; counts by process, section and stage, each opening the cases behind it. */
export function DeskPage() {
  const { t, l } = useLang();
  const catalogue = useCatalogue();
  const navigate = useNavigate();
  const [loaded] = useLoad(loadDesk, []);
  const data = loaded.state === 'ok' ? loaded.data : null;
  const rows = data?.counts;
  const byProcess = useMemo(() => totalsBy(rows ?? [], (r) => r.caseType), [rows]);
  const bySection = useMemo(() => totalsBy(rows ?? [], (r) => r.section), [rows]);
  const processName = useCallback((k: string) => l(catalogue.byType(k)?.labels, k), [l, catalogue]);
  const sectionName = useCallback((k: string) => l(SECTIONS[k], k), [l]);
  const processChart = useMemo(() => barOption(byProcess, processName, t), [byProcess, processName, t]);
  const sectionChart = useMemo(() => barOption(bySection, sectionName, t), [bySection, sectionName, t]);
  const openProcess = useCallback(
    (name: string) => {
      const hit = byProcess.find(([k]) => processName(k) === name);
      if (hit) void navigate(`/cases?type=${encodeURIComponent(hit[0])}`);
    },
    [byProcess, processName, navigate],
  );
  const openSection = useCallback(
    (name: string) => {
      const hit = bySection.find(([k]) => sectionName(k) === name);
      if (hit) void navigate(`/cases?section=${encodeURIComponent(hit[0])}`);
    },
    [bySection, sectionName, navigate],
  );
  if (loaded.state === 'loading') return <p className="muted">{t('加载中…', 'loading…')}</p>;
  if (loaded.state === 'error') return <Failure error={loaded.error} />;
  const desk = loaded.data;
  const total = (k: 'open' | 'overdue') => desk.counts.reduce((n, r) => n + r[k], 0);
  return (
    <section className="desk">
      {desk.fallback && (
        <p className="muted">
          {t(
            '（服务器尚未提供督办台统计：以下按案件列表计算，“停滞”仅指期限已过）',
            '(no desk answer from the server: counted from the case list; “stalled” means a deadline passed)',
          )}
        </p>
      )}
      <div className="figures">
        <Link to="/cases" className="figure">
          <span className="value">{total('open')}</span>
          <span>{t('在办案件', 'open cases')}</span>
        </Link>
        <Link to="/cases?overdue=true" className="figure overdue">
          <span className="value">{total('overdue')}</span>
          <span>{t('已逾期', 'overdue')}</span>
        </Link>
        <a href="#stalled" className="figure stalled">
          <span className="value" data-testid="stalled-count">
            {desk.stalled.length}
          </span>
          <span>{t('停滞', 'stalled')}</span>
        </a>
      </div>
      <div className="grid two">
        <div className="card">
          <h3>{t('按流程', 'By process')}</h3>
          <EChart
            option={processChart}
            height={Math.max(160, 40 * byProcess.length + 60)}
            label={t('按流程的在办案件', 'open cases by process')}
            onClick={openProcess}
          />
        </div>
        <div className="card">
          <h3>{t('按科室', 'By section')}</h3>
          <EChart
            option={sectionChart}
            height={Math.max(160, 40 * bySection.length + 60)}
            label={t('按科室的在办案件', 'open cases by section')}
            onClick={openSection}
          />
        </div>
      </div>
      <div className="card" id="stalled">
        <h3>{t('停滞案件（最严重的在前）', 'Stalled cases (worst first)')}</h3>
        <StalledTable items={desk.stalled} />
      </div>
      <div className="card">
        <h3>{t('按阶段', 'By stage')}</h3>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('流程', 'Process')}</th>
                <th>{t('阶段', 'Stage')}</th>
                <th>{t('科室', 'Section')}</th>
                <th>{t('在办', 'Open')}</th>
                <th>{t('逾期', 'Overdue')}</th>
              </tr>
            </thead>
            <tbody>
              {[...desk.counts]
                .sort((a, b) => b.overdue - a.overdue || b.open - a.open)
                .map((r) => (
                  <tr key={`${r.caseType}|${r.stage}|${r.section}`}>
                    <td>{processName(r.caseType)}</td>
                    <td>
                      <Link
                        to={`/cases?type=${encodeURIComponent(r.caseType)}&stage=${encodeURIComponent(r.stage)}&section=${encodeURIComponent(r.section)}`}
                      >
                        {l(catalogue.stage(r.caseType, r.stage))}
                      </Link>
                    </td>
                    <td>{sectionName(r.section)}</td>
                    <td>{r.open}</td>
                    <td className={r.overdue > 0 ? 'overdue' : ''}>{r.overdue}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
