import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../api/client';
import { typed } from '../api/typed';
import { useLang } from '../i18n/lang';
import { SECTIONS } from '../i18n/names';
import { Failure } from '../shell/failure';
import { session } from '../shell/session';
import { useLoad } from '../shell/use-load';

/** 待办: what I (or, for a chief, my section) must do next, soonest due first, each with the command it waits for. */
export function InboxPage() {
  const { t, l } = useLang();
  const [params, setParams] = useSearchParams();
  const user = session.get()?.user;
  const chief = user?.roles.includes('section_chief') === true && user.section !== null;
  const forSection = chief && params.get('view') === 'section';
  const [loaded] = useLoad(
    () => typed(api.GET('/api/inbox', { params: { query: forSection && user?.section ? { section: user.section } : {} } })),
    [forSection],
  );
  return (
    <section>
      <div className="inbox-head">
        <h2>
          {forSection && user?.section
            ? t(`${l(SECTIONS[user.section])}的待办`, `To do in ${l(SECTIONS[user.section])}`)
            : t(`${user?.name ?? ''}的待办`, `To do for ${user?.name ?? ''}`)}
        </h2>
        {chief && (
          <button type="button" onClick={() => setParams(forSection ? {} : { view: 'section' })}>
            {forSection ? t('只看我的', 'mine only') : t('本科室全部', 'whole section')}
          </button>
        )}
      </div>
      {loaded.state === 'loading' && <p className="muted">{t('加载中…', 'loading…')}</p>}
      {loaded.state === 'error' && <Failure error={loaded.error} />}
      {loaded.state === 'ok' &&
        (loaded.data.items.length === 0 ? (
          <p className="muted">{t('没有待办事项', 'nothing to do')}</p>
        ) : (
          <ul className="tasks" data-testid="inbox">
            {loaded.data.items.map((item) => (
              <li key={item.caseId} className={item.overdue ? 'overdue-row' : ''}>
                <Link to={`/cases/${encodeURIComponent(item.caseId)}`}>
                  <strong>{item.moves.map((m) => l(m.label)).join('、')}</strong>
                </Link>
                <span>
                  {item.title}
                  <br />
                  <small className="muted">{item.partyName}</small>
                </span>
                <span className="muted">
                  {l(item.caseLabel)} · {l(item.stageLabel)}
                  <br />
                  <small>{item.caseId}</small>
                </span>
                <span className={item.overdue ? 'overdue' : ''}>
                  {item.dueAt ? `${t('期限', 'due')} ${item.dueAt}` : t('无期限', 'no deadline')}
                  {item.overdue ? ` ${t('已逾期', 'overdue')}` : ''}
                </span>
              </li>
            ))}
          </ul>
        ))}
      {loaded.state === 'ok' && !loaded.data.complete && (
        <p className="muted">
          {t(`仅查看了最早到期的 ${loaded.data.scanned} 件案件`, `only the ${loaded.data.scanned} soonest-due cases were looked at`)}
        </p>
      )}
    </section>
  );
}
