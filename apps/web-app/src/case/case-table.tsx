import { Link } from 'react-router-dom';
import type { CaseSummary } from '../api/types';
import { useLang } from '../i18n/lang';
import { SECTIONS } from '../i18n/names';
import { useCatalogue } from '../shell/catalogue';

/** Cases as rows: each opens its page; overdue ones marked. */
export function CaseTable({ items, testId }: { items: CaseSummary[]; testId: string }) {
  const { t, l } = useLang();
  const catalogue = useCatalogue();
  return (
    <div className="table-wrap">
      <table className="cases" data-testid={testId}>
        <thead>
          <tr>
            <th>{t('案件编号', 'Case')}</th>
            <th>{t('流程', 'Process')}</th>
            <th>{t('案由', 'Title')}</th>
            <th>{t('当事人', 'Party')}</th>
            <th>{t('科室', 'Section')}</th>
            <th>{t('阶段', 'Stage')}</th>
            <th>{t('最近期限', 'Next due')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.caseId} className={c.overdue ? 'overdue-row' : ''}>
              <td>
                <Link to={`/cases/${encodeURIComponent(c.caseId)}`}>{c.caseId}</Link>
              </td>
              <td>{l(catalogue.byType(c.caseType)?.labels, c.caseType)}</td>
              <td>{c.title}</td>
              <td>{c.partyName}</td>
              <td>{l(SECTIONS[c.section], c.section)}</td>
              <td>{l(catalogue.stage(c.caseType, c.stage))}</td>
              <td className={c.overdue ? 'overdue' : ''}>
                {c.nextDue ?? '—'}
                {c.overdue ? ` ${t('逾期', 'overdue')}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
