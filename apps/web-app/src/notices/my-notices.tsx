import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import { typed } from '../api/typed';
import type { ApiErrorBody } from '../api/types';
import { useLang } from '../i18n/lang';
import { NOTICE_LEVELS, ROLES } from '../i18n/names';
import { Failure, inLang } from '../shell/failure';
import { useLoad } from '../shell/use-load';
import { beijingTime } from '../time';

/**
 * 我的督办通知 (a chief's for the section's cases, the head's for all): each names the case, its title and stage, the
 * action the case needs now and who may take it; read and acknowledged once, by a button.
 */
export function MyNotices() {
  const { t, l, lang } = useLang();
  const [loaded, reload] = useLoad(() => typed(api.GET('/api/notices/mine', { params: { query: { limit: '100' } } })), []);
  const [failure, setFailure] = useState<ApiErrorBody | null>(null);
  const acknowledge = async (eventId: string) => {
    const r = await typed(api.POST('/api/notices/{eventId}/ack', { params: { path: { eventId } } }));
    setFailure(r.ok ? null : r.error);
    reload();
  };
  if (loaded.state === 'loading') return <p className="muted">{t('加载中…', 'loading…')}</p>;
  if (loaded.state === 'error') return <Failure error={loaded.error} />;
  if (loaded.data.items.length === 0) return <p className="muted">{t('没有给您的督办通知', 'no notices for you')}</p>;
  return (
    <>
      {failure && <Failure error={failure} />}
      <ul className="notices" data-testid="notices">
        {loaded.data.items.map((n) => (
          <li key={n.eventId} className={`${n.level === 'missed' ? 'missed' : 'approaching'}${n.acknowledgedAt ? ' read' : ''}`}>
            <div className="event-head">
              <strong>{l(NOTICE_LEVELS[n.level])}</strong>
              <Link to={`/cases/${encodeURIComponent(n.caseId)}`}>{n.title ?? n.caseId}</Link>
              <span className="muted">
                {n.caseId} · {l(n.stageLabel ?? undefined, n.stage ?? '')} · {t('致', 'to')} {l(ROLES[n.recipientRole])} ·{' '}
                {beijingTime(n.raisedAt)}
              </span>
            </div>
            <p>{inLang(n.message, lang)}</p>
            {n.actionNeeded.length > 0 && (
              <p>
                {t('须办理：', 'Needed: ')}
                {n.actionNeeded
                  .map(
                    (m) =>
                      `${l(m.label)}（${m.roles.map((r) => l(ROLES[r], r)).join(t('或', ' or '))}${m.dueAt ? ` · ${t('期限', 'due')} ${m.dueAt}` : ''}）`,
                  )
                  .join('；')}
              </p>
            )}
            <small className="muted">{n.legalSource}</small>
            <div>
              {n.acknowledgedAt ? (
                <small className="ok">
                  {t('已读确认', 'acknowledged')} {beijingTime(n.acknowledgedAt)}
                </small>
              ) : (
                <button type="button" onClick={() => void acknowledge(n.eventId)}>
                  {t('已读确认', 'Acknowledge')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
