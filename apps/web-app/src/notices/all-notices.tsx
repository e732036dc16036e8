import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../api/client';
import { typed } from '../api/typed';
import { useLang } from '../i18n/lang';
import { NOTICE_LEVELS, ROLES, SECTIONS } from '../i18n/names';
import { Failure, inLang } from '../shell/failure';
import { session } from '../shell/session';
import { useLoad } from '../shell/use-load';
import { beijingTime } from '../time';

type RecipientRole = 'officer' | 'section_chief' | 'bureau_head';
type Level = 'approaching' | 'missed';
/** 给我的: the notices naming the signed-in person (an inspector's reminders), sent as recipientId */
const ME = 'me';

/**
 * Every notice one may see, by recipient, section and level (a chief's section and the head's own by default; an
 * officer's own, those naming them, by default). Each names its recipients beside the role when it names any.
 */
export function AllNotices() {
  const { t, l, lang } = useLang();
  const [params, setParams] = useSearchParams();
  const user = session.get()?.user;
  const roles = user?.roles ?? [];
  const defaultRole: RecipientRole | typeof ME | '' = roles.includes('bureau_head')
    ? 'bureau_head'
    : roles.includes('section_chief')
      ? 'section_chief'
      : roles.includes('officer')
        ? ME
        : '';
  const recipient = (params.get('recipientRole') ?? defaultRole) as RecipientRole | typeof ME | '';
  const recipientRole = recipient === ME ? '' : recipient;
  const recipientId = recipient === ME ? (user?.id ?? '') : '';
  const section = params.get('section') ?? (recipientRole === 'section_chief' ? (user?.section ?? '') : '');
  const level = (params.get('level') ?? '') as Level | '';
  const [loaded] = useLoad(
    () =>
      typed(
        api.GET('/api/notices', {
          params: {
            query: {
              ...(recipientRole ? { recipientRole } : {}),
              ...(recipientId ? { recipientId } : {}),
              ...(section ? { section } : {}),
              ...(level ? { level } : {}),
              limit: '100',
            },
          },
        }),
      ),
    [recipientRole, recipientId, section, level],
  );
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(name, value);
    setParams(next);
  };
  return (
    <section>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('接收人', 'To')}
          <select value={recipient} onChange={(e) => set('recipientRole', e.target.value)}>
            <option value="">{t('全部', 'all')}</option>
            <option value={ME}>{t('给我的', 'to me')}</option>
            <option value="officer">{l(ROLES['officer'])}</option>
            <option value="section_chief">{l(ROLES['section_chief'])}</option>
            <option value="bureau_head">{l(ROLES['bureau_head'])}</option>
          </select>
        </label>
        <label>
          {t('科室', 'Section')}
          <select value={section} onChange={(e) => set('section', e.target.value)}>
            <option value="">{t('全部', 'all')}</option>
            {Object.entries(SECTIONS).map(([k, v]) => (
              <option key={k} value={k}>
                {l(v)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('级别', 'Level')}
          <select value={level} onChange={(e) => set('level', e.target.value)}>
            <option value="">{t('全部', 'all')}</option>
            <option value="approaching">{l(NOTICE_LEVELS['approaching'])}</option>
            <option value="missed">{l(NOTICE_LEVELS['missed'])}</option>
          </select>
        </label>
      </form>
      {loaded.state === 'error' && <Failure error={loaded.error} />}
      {loaded.state === 'ok' &&
        (loaded.data.items.length === 0 ? (
          <p className="muted">{t('没有督办通知', 'no notices')}</p>
        ) : (
          <ul className="notices" data-testid="notices">
            {loaded.data.items.map((n) => (
              <li key={n.eventId} className={n.level === 'missed' ? 'missed' : 'approaching'}>
                <div className="event-head">
                  <strong>{l(NOTICE_LEVELS[n.level])}</strong>
                  <Link to={`/cases/${encodeURIComponent(n.caseId)}`}>{n.caseId}</Link>
                  <span className="muted">
                    {t('致', 'to')} {l(ROLES[n.recipientRole])}
                    {n.recipientIds.length > 0 ? `（${n.recipientIds.join('、')}）` : ''} · {beijingTime(n.raisedAt)} · {t('期限', 'due')}{' '}
                    {n.due}
                  </span>
                </div>
                <p>{inLang(n.message, lang)}</p>
                <small className="muted">{n.legalSource}</small>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
