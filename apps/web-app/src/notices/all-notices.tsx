import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../api/client';
import { typed } from '../api/typed';
import { useLang } from '../i18n/lang';
import { NOTICE_LEVELS, ROLES, SECTIONS } from '../i18n/names';
import { Failure, inLang } from '../shell/failure';
import { session } from '../shell/session';
import { useLoad } from '../shell/use-load';
import { beijingTime } from '../time';

type RecipientRole = 'section_chief' | 'bureau_head';
type Level = 'approaching' | 'missed';

/** Every notice one may see, by recipient, section and level (a chief's section and the head's own by default). */
export function AllNotices() {
  const { t, l, lang } = useLang();
  const [params, setParams] = useSearchParams();
  const roles = session.get()?.user.roles ?? [];
  const defaultRole: RecipientRole | '' = roles.includes('bureau_head')
    ? 'bureau_head'
    : roles.includes('section_chief')
      ? 'section_chief'
      : '';
  const recipientRole = (params.get('recipientRole') ?? defaultRole) as RecipientRole | '';
  const section = params.get('section') ?? (recipientRole === 'section_chief' ? (session.get()?.user.section ?? '') : '');
  const level = (params.get('level') ?? '') as Level | '';
  const [loaded] = useLoad(
    () =>
      typed(
        api.GET('/api/notices', {
          params: {
            query: {
              ...(recipientRole ? { recipientRole } : {}),
              ...(section ? { section } : {}),
              ...(level ? { level } : {}),
              limit: '100',
            },
          },
        }),
      ),
    [recipientRole, section, level],
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
          <select value={recipientRole} onChange={(e) => set('recipientRole', e.target.value)}>
            <option value="">{t('全部', 'all')}</option>
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
                    {t('致', 'to')} {l(ROLES[n.recipientRole])} · {beijingTime(n.raisedAt)} · {t('期限', 'due')} {n.due}
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
