import { Link } from 'react-router-dom';
import { useLang, type Labels } from '../i18n/lang';
import { ROLES, SECTIONS } from '../i18n/names';
import { useCatalogue } from '../shell/catalogue';
import type { StalledCase } from './desk-data';

const REASONS: Record<string, Labels> = {
  deadline_passed: { zh: '期限已过', en: 'a deadline passed' },
  stage_held_too_long: { zh: '阶段停留过久', en: 'stage held too long' },
  waiting_on_outside_party: { zh: '等待外部答复超时', en: 'outside party late' },
  technically_stuck: { zh: '技术故障', en: 'technically stuck' },
};

/** The stalled cases: why, since when, who must act; each opens its case. */
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
            <th>{t('自', 'Since')}</th>
            <th>{t('应由谁办', 'Who must act')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((s) => (
            <tr key={`${s.caseId}|${s.reason}`}>
              <td>
                <Link to={`/cases/${encodeURIComponent(s.caseId)}`}>{s.caseId}</Link>
                <br />
                <small>{s.title}</small>
              </td>
              <td>
                {l(catalogue.byType(s.caseType)?.labels, s.caseType)} · {l(catalogue.stage(s.caseType, s.stage))}
                <br />
                <small className="muted">{l(SECTIONS[s.section], s.section)}</small>
              </td>
              <td>
                <strong className="overdue">{l(s.reasonLabel ?? REASONS[s.reason], s.reason)}</strong>
                {s.detail && (
                  <>
                    <br />
                    <small>{s.detail}</small>
                  </>
                )}
              </td>
              <td>{s.since.slice(0, 16).replace('T', ' ')}</td>
              <td>
                {s.whoMustAct
                  .split('、')
                  .map((w) => l(ROLES[w], w))
                  .join('、') || '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
