import { useCallback, useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import type { Result } from '../api/raw';
import { typed } from '../api/typed';
import type { DeskCounts, StalledPage } from '../api/types';
import { barsOption, weeklyOption } from '../desk/desk-charts';
import { StalledTable } from '../desk/stalled-table';
import { useLang } from '../i18n/lang';
import { SECTIONS } from '../i18n/names';
import { EChart } from '../shell/echart';
import { Failure } from '../shell/failure';
import { useLoad } from '../shell/use-load';

const AGES: Record<string, { zh: string; en: string }> = {
  '0-7': { zh: '7 天内', en: '≤ 7 days' },
  '8-30': { zh: '8–30 天', en: '8–30 days' },
  '31-90': { zh: '31–90 天', en: '31–90 days' },
  '>90': { zh: '90 天以上', en: '> 90 days' },
};

async function loadDesk(): Promise<Result<{ counts: DeskCounts; stalled: StalledPage }>> {
  const [counts, stalled] = await Promise.all([
    typed(api.GET('/api/desk/counts')),
    typed(api.GET('/api/desk/stalled', { params: { query: { limit: '100' } } })),
  ]);
  if (!counts.ok) return counts;
  if (!stalled.ok) return stalled;
  return { ok: true, status: 200, data: { counts: counts.data, stalled: stalled.data } };
}

/** 督办台: what is stuck, why and whose move; counts by process, section, stage and age, each opening the cases behind it. */
export function DeskPage() {
  const { t, l } = useLang();
  const navigate = useNavigate();
  const [loaded] = useLoad(loadDesk, []);
  const counts = loaded.state === 'ok' ? loaded.data.counts : null;
  const sectionName = useCallback((k: string) => l(SECTIONS[k], k), [l]);
  const charts = useMemo(() => {
    if (!counts) return null;
    return {
      process: barsOption(
        counts.byProcess.map((p) => ({ key: p.caseType, name: l(p.label), open: p.open, overdue: p.overdue })),
        t,
      ),
      section: barsOption(
        counts.bySection.map((s) => ({ key: s.section, name: sectionName(s.section), open: s.open, overdue: s.overdue })),
        t,
      ),
      age: barsOption(
        counts.byAge.map((a) => ({ key: a.age, name: l(AGES[a.age], a.age), open: a.open, overdue: a.overdue })),
        t,
      ),
      weekly: weeklyOption(counts.weekly, sectionName, t),
    };
  }, [counts, l, t, sectionName]);
  const openProcess = useCallback(
    (name: string) => {
      const hit = counts?.byProcess.find((p) => l(p.label) === name);
      if (hit) void navigate(`/desk/cases?process=${encodeURIComponent(hit.caseType)}`);
    },
    [counts, l, navigate],
  );
  const openSection = useCallback(
    (name: string) => {
      const hit = counts?.bySection.find((s) => sectionName(s.section) === name);
      if (hit) void navigate(`/desk/cases?section=${encodeURIComponent(hit.section)}`);
    },
    [counts, sectionName, navigate],
  );
  const openAge = useCallback(
    (name: string) => {
      const hit = counts?.byAge.find((a) => l(AGES[a.age], a.age) === name);
      if (hit) void navigate(`/desk/cases?age=${encodeURIComponent(hit.age)}`);
    },
    [counts, l, navigate],
  );
  if (loaded.state === 'loading' || !charts) return <p className="muted">{t('加载中…', 'loading…')}</p>;
  if (loaded.state === 'error') return <Failure error={loaded.error} />;
  const { counts: c, stalled } = loaded.data;
  const height = (n: number) => Math.max(150, 36 * n + 60);
  return (
    <section className="desk">
      <div className="figures">
        <Link to="/desk/cases" className="figure">
          <span className="value">{c.totals.open}</span>
          <span>{t('在办案件', 'open cases')}</span>
        </Link>
        <Link to="/desk/cases?overdue=true" className="figure overdue">
          <span className="value">{c.totals.overdue}</span>
          <span>{t('已逾期', 'overdue')}</span>
        </Link>
        <a href="#stalled" className="figure stalled">
          <span className="value" data-testid="stalled-count">
            {stalled.total}
          </span>
          <span>{t('停滞', 'stalled')}</span>
        </a>
      </div>
      <div className="card" id="stalled">
        <h3>{t('停滞案件（最严重的在前）', 'Stalled cases (worst first)')}</h3>
        <StalledTable items={stalled.items} />
      </div>
      <div className="grid two">
        <div className="card">
          <h3>{t('按流程', 'By process')}</h3>
          <EChart
            option={charts.process}
            height={height(c.byProcess.length)}
            label={t('按流程的在办案件', 'open cases by process')}
            onClick={openProcess}
          />
        </div>
        <div className="card">
          <h3>{t('按科室', 'By section')}</h3>
          <EChart
            option={charts.section}
            height={height(c.bySection.length)}
            label={t('按科室的在办案件', 'open cases by section')}
            onClick={openSection}
          />
        </div>
        <div className="card">
          <h3>{t('按立案以来天数', 'By days open')}</h3>
          <EChart
            option={charts.age}
            height={height(c.byAge.length)}
            label={t('按天数的在办案件', 'open cases by age')}
            onClick={openAge}
          />
        </div>
        <div className="card">
          <h3>{t('各科室逾期率（按周）', 'Overdue rate by section, weekly')}</h3>
          <EChart option={charts.weekly} height={240} label={t('各科室逾期率', 'overdue rate by section')} />
        </div>
      </div>
      <div className="card">
        <h3>{t('按阶段', 'By stage')}</h3>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('流程', 'Process')}</th>
                <th>{t('阶段', 'Stage')}</th>
                <th>{t('在办', 'Open')}</th>
                <th>{t('逾期', 'Overdue')}</th>
              </tr>
            </thead>
            <tbody>
              {[...c.byStage]
                .sort((a, b) => b.overdue - a.overdue || b.open - a.open)
                .map((r) => (
                  <tr key={`${r.caseType}|${r.stage}`}>
                    <td>{l(c.byProcess.find((p) => p.caseType === r.caseType)?.label, r.caseType)}</td>
                    <td>
                      <Link to={`/desk/cases?process=${encodeURIComponent(r.caseType)}&stage=${encodeURIComponent(r.stage)}`}>
                        {l(r.label)}
                      </Link>
                    </td>
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
