import { useSearchParams } from 'react-router-dom';
import { useLang } from '../i18n/lang';
import { AllNotices } from '../notices/all-notices';
import { MyNotices } from '../notices/my-notices';
import { session } from '../shell/session';

/** 督办通知: a chief's or the head's own (to acknowledge) by default; every notice one may see, filtered, on the other tab. */
export function NoticesPage() {
  const { t } = useLang();
  const [params, setParams] = useSearchParams();
  const roles = session.get()?.user.roles ?? [];
  const recipient = roles.includes('section_chief') || roles.includes('bureau_head');
  const mine = recipient && params.get('view') !== 'all';
  return (
    <section>
      {recipient && (
        <div className="openings" role="tablist">
          <button type="button" role="tab" aria-selected={mine} className={mine ? 'active' : ''} onClick={() => setParams({})}>
            {t('给我的', 'Mine')}
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={!mine}
            className={mine ? '' : 'active'}
            onClick={() => setParams({ view: 'all' })}
          >
            {t('全部', 'All')}
          </button>
        </div>
      )}
      {mine ? <MyNotices /> : <AllNotices />}
    </section>
  );
}
