import type { CaseView } from '../api/types';
import { useLang } from '../i18n/lang';

/** The open deadlines, each with its legal source; overdue and provisional ones marked. */
export function DeadlinesCard({ c }: { c: CaseView }) {
  const { t } = useLang();
  return (
    <div className="card" data-testid="deadlines">
      <h3>{t('未届满期限', 'Open deadlines')}</h3>
      {c.deadlines.length === 0 ? (
        <p className="muted">{t('无', 'none')}</p>
      ) : (
        <ul className="deadlines">
          {c.deadlines.map((d) => (
            <li key={d.kind} className={d.overdue ? 'overdue' : ''}>
              <div>
                <strong>{t(d.labelZh, d.labelEn)}</strong>{' '}
                <span className={d.overdue ? 'overdue' : d.provisional ? 'provisional' : ''}>
                  {d.due}
                  {d.overdue ? ` ${t('已逾期', 'overdue')}` : ''}
                  {d.provisional ? ` ${t('（暂定）', '(provisional)')}` : ''}
                </span>
              </div>
              <small className="muted">{d.legalSource}</small>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
