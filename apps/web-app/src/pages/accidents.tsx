import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../api/client';
import { typed } from '../api/typed';
import type { AccidentRow } from '../api/types';
import { ACCIDENT_GRADES, ACCIDENT_KINDS, ACCIDENT_LEADS, LEAD_UNSETTLED, NOT_GRADED } from '../i18n/accident-names';
import { useLang } from '../i18n/lang';
import { useCatalogue } from '../shell/catalogue';
import { Failure } from '../shell/failure';
import { useLoad } from '../shell/use-load';
import { beijingTime } from '../time';

type Grade = NonNullable<AccidentRow['grade']>;
const GRADES = Object.keys(ACCIDENT_GRADES) as Grade[];
const isGrade = (v: string | null): v is Grade => GRADES.some((g) => g === v);

/** The reports upward still owed, soonest first: each with its due time (Beijing) and 已逾期 when past. */
function ReportsOwed({ a, now }: { a: AccidentRow; now: number }) {
  const { t } = useLang();
  if (a.reportsOwed.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="owed">
      {a.reportsOwed.map((h) => {
        const late = Date.parse(h.dueAt) < now;
        return (
          <li key={`${h.kind}${h.dueAt}`} className={late ? 'overdue' : ''} title={h.legalSource}>
            {t(h.labelZh, h.labelEn)}
            <br />
            <span className="nowrap">
              {t('限', 'by')} {beijingTime(h.dueAt)}
              {late ? ` ${t('已逾期', 'overdue')}` : ''}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** 事故: the open accidents, a report upward past its hour limit first, then by grade, then the oldest report. */
export function AccidentsPage() {
  const { t, l } = useLang();
  const catalogue = useCatalogue();
  const [params, setParams] = useSearchParams();
  const grade = params.get('grade');
  const includeClosed = params.get('includeClosed') === 'true';
  const [now] = useState(() => Date.now());
  const [loaded] = useLoad(
    () =>
      typed(
        api.GET('/api/accidents', {
          params: { query: { ...(isGrade(grade) ? { grade } : {}), ...(includeClosed ? { includeClosed: 'true' as const } : {}) } },
        }),
      ),
    [grade, includeClosed],
  );
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };
  return (
    <section>
      <p>
        {t(
          '本局的事故案件：上报超过时限的在前，再按等级、接报先后。',
          'Accidents: a report upward past its hour limit first, then by grade and the oldest report.',
        )}
      </p>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('等级', 'Grade')}
          <select value={isGrade(grade) ? grade : ''} onChange={(e) => set('grade', e.target.value)}>
            <option value="">{t('全部', 'all')}</option>
            {GRADES.map((g) => (
              <option key={g} value={g}>
                {l(ACCIDENT_GRADES[g])}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={includeClosed} onChange={(e) => set('includeClosed', e.target.checked ? 'true' : '')} />
          {t('含已办结', 'include closed')}
        </label>
      </form>
      {loaded.state === 'loading' && <p className="muted">{t('加载中…', 'loading…')}</p>}
      {loaded.state === 'error' && <Failure error={loaded.error} />}
      {loaded.state === 'ok' &&
        (loaded.data.items.length === 0 ? (
          <p className="muted">{t('没有事故案件', 'no accidents')}</p>
        ) : (
          <div className="table-wrap">
            <table data-testid="accidents">
              <thead>
                <tr>
                  <th>{t('案件', 'Case')}</th>
                  <th>{t('类别', 'Kind')}</th>
                  <th>{t('等级', 'Grade')}</th>
                  <th>{t('调查', 'Lead')}</th>
                  <th>{t('接报至今', 'Since report')}</th>
                  <th>{t('尚欠上报', 'Reports owed')}</th>
                  <th>{t('阶段', 'Stage')}</th>
                </tr>
              </thead>
              <tbody>
                {loaded.data.items.map((a) => (
                  <tr key={a.caseId} className={a.reportOverdue ? 'overdue-row' : ''}>
                    <td>
                      <Link className="nowrap" to={`/cases/${encodeURIComponent(a.caseId)}`}>
                        {a.caseId}
                      </Link>
                      <br />
                      <small className="muted">{a.title}</small>
                    </td>
                    <td>{l(ACCIDENT_KINDS[a.kind], a.kind)}</td>
                    <td>{a.grade ? l(ACCIDENT_GRADES[a.grade], a.grade) : l(NOT_GRADED)}</td>
                    <td>{a.lead ? l(ACCIDENT_LEADS[a.lead], a.lead) : l(LEAD_UNSETTLED)}</td>
                    <td className="nowrap">
                      {a.hoursSinceReport === null ? '—' : t(`${a.hoursSinceReport} 小时`, `${a.hoursSinceReport} h`)}
                    </td>
                    <td>
                      <ReportsOwed a={a} now={now} />
                    </td>
                    <td>
                      {l(catalogue.stage(a.caseType, a.stage), a.stage)}
                      {a.closed ? ` · ${t('已办结', 'closed')}` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}
