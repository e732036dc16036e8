import type { CaseView } from '../api/types';
import { useLang } from '../i18n/lang';
import { NOTICE_LEVELS, ROLES } from '../i18n/names';
import { inLang } from '../shell/failure';
import { beijingTime } from '../time';

/** The case's notices: when, to whom (the people it names, if any), how urgent, what, and the legal source. */
export function NoticesCard({ c }: { c: CaseView }) {
  const { t, l, lang } = useLang();
  return (
    <div className="card">
      <h3>{t('督办通知', 'Notices')}</h3>
      {c.notices.length === 0 ? (
        <p className="muted">{t('无', 'none')}</p>
      ) : (
        <ul>
          {c.notices.map((n) => (
            <li key={n.eventId} className={n.level === 'missed' ? 'overdue' : ''}>
              {beijingTime(n.raisedAt)} · {l(ROLES[n.recipientRole])}
              {n.recipientIds.length > 0 ? `（${n.recipientIds.join('、')}）` : ''} · {l(NOTICE_LEVELS[n.level])} ·{' '}
              {inLang(n.message, lang)}
              <br />
              <small className="muted">{n.legalSource}</small>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
