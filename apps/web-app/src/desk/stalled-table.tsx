import { Link } from 'react-router-dom';
import type { StalledCase } from '../api/types';
import { useLang } from '../i18n/lang';
import { ROLES, SECTIONS } from '../i18n/names';
import { useCatalogue } from '../shell/catalogue';

/** The stalled cases, worst first: why (each reason with its source), since when, who must act and what; each opens its case. */
export function StalledTable({ items }: { items: StalledCase[] }) {
  const { t, l } = useLang();
  const catalogue = useCatalogue();
  if (items.length === 0) return <p className="muted">{t('没有停滞案件', 'nothing stalled')}</p>;
  return (
    <div className="table-wrap">
      <table data-testid="stalled">
        <thead>
          <tr>
            <th>{t('案件', 'Case')}</th>
            <th>{t('阶段', 'Stage')}</th>
            <th>{t('原因', 'Why')}</th>
            <th>{t('停滞自', 'Since')}</th>
            <th>{t('应由谁办', 'Who must act')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((s) => (
            <tr key={s.caseId}>
              <td>
                <Link to={`/cases/${encodeURIComponent(s.caseId)}`}>{s.caseId}</Link>
                <br />
                <small>{s.title ?? ''}</small>
              </td>
              <td>
                {l(s.caseLabel ?? undefined, s.caseType ?? '')} · {l(s.stageLabel ?? undefined, s.stage ?? '')}
                <br />
                <small className="muted">{s.section ? l(SECTIONS[s.section], s.section) : ''}</small>
              </td>
              <td>
                {s.reasons.map((r) => (
                  <div key={r.code}>
                    <strong className="overdue">{t(r.zh, r.en)}</strong>{' '}
                    <small className="muted">{t(`自 ${r.since}`, `since ${r.since}`)}</small>
                    {r.legalSource && (
                      <>
                        <br />
                        <small className="muted">{r.legalSource}</small>
                      </>
                    )}
                  </div>
                ))}
                {s.waitingOn && <small>{t(`等待：${s.waitingOn}`, `waiting on: ${s.waitingOn}`)}</small>}
              </td>
              <td className="nowrap">
                {s.since}
                <br />
                <small className="overdue">{t(`${s.daysStalled} 天`, `${s.daysStalled} days`)}</small>
              </td>
              <td>
                {s.mustAct.length === 0
                  ? '—'
                  : s.mustAct.map((m) => (
                      <div key={`${m.role}|${m.section ?? ''}`}>
                        {m.section ? l(SECTIONS[m.section], m.section) : ''}
                        {l(ROLES[m.role], m.role)}：{m.commands.map((c) => l(catalogue.command(s.caseType ?? '', c))).join('、')}
                      </div>
                    ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
