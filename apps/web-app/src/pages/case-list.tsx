import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../api/client';
import type { Result } from '../api/raw';
import { typed } from '../api/typed';
import type { CaseSummary } from '../api/types';
import { useLang } from '../i18n/lang';
import { SECTIONS } from '../i18n/names';
import { useCatalogue } from '../shell/catalogue';
import { useLoad } from '../shell/use-load';
import { Failure } from '../shell/failure';

interface Listing {
  overdue: CaseSummary[];
  others: CaseSummary[];
  total: number;
}

/** The filters live in the address (a list can be linked to: /cases?type=penalty&stage=payment). */
type Filter = 'type' | 'stage' | 'section' | 'overdue' | 'closed';

/** Overdue cases first (most overdue first), then the others (most recently changed first). */
async function listing(q: URLSearchParams): Promise<Result<Listing>> {
  const query = {
    type: q.get('type') ?? undefined,
    stage: q.get('stage') ?? undefined,
    section: q.get('section') ?? undefined,
    closed: q.get('closed') === 'all' ? undefined : ('false' as const),
    limit: '100',
  };
  const onlyOverdue = q.get('overdue') === 'true';
  const [overdue, others] = await Promise.all([
    typed(api.GET('/api/cases', { params: { query: { ...query, overdue: 'true' } } })),
    onlyOverdue ? null : typed(api.GET('/api/cases', { params: { query: { ...query, overdue: 'false' } } })),
  ]);
  if (!overdue.ok) return overdue;
  if (others && !others.ok) return others;
  return {
    ok: true,
    status: 200,
    data: { overdue: overdue.data.items, others: others?.data.items ?? [], total: overdue.data.total + (others?.data.total ?? 0) },
  };
}

export function CaseListPage() {
  const { t, l } = useLang();
  const catalogue = useCatalogue();
  const [params, setParams] = useSearchParams();
  const [loaded] = useLoad(() => listing(params), [params.toString()]);
  const set = (name: Filter, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name === 'type') next.delete('stage');
    setParams(next);
  };
  const chosen = catalogue.byType(params.get('type') ?? '');
  const stageGroups = chosen ? [chosen] : catalogue.processes;
  const row = (c: CaseSummary) => (
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
  );
  return (
    <section>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('流程', 'Process')}
          <select name="type" value={params.get('type') ?? ''} onChange={(e) => set('type', e.target.value)}>
            <option value="">{t('全部', 'all')}</option>
            {catalogue.processes.map((p) => (
              <option key={p.caseType} value={p.caseType}>
                {l(p.labels)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('阶段', 'Stage')}
          <select name="stage" value={params.get('stage') ?? ''} onChange={(e) => set('stage', e.target.value)}>
            <option value="">{t('全部', 'all')}</option>
            {stageGroups.map((p) => (
              <optgroup key={p.caseType} label={l(p.labels)}>
                {p.stages.map((s) => (
                  <option key={`${p.caseType}.${s.stage}`} value={s.stage}>
                    {l(s.labels)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label>
          {t('科室', 'Section')}
          <select name="section" value={params.get('section') ?? ''} onChange={(e) => set('section', e.target.value)}>
            <option value="">{t('全部', 'all')}</option>
            {Object.entries(SECTIONS).map(([key, labels]) => (
              <option key={key} value={key}>
                {l(labels)}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={params.get('overdue') === 'true'}
            onChange={(e) => set('overdue', e.target.checked ? 'true' : '')}
          />
          {t('仅逾期', 'overdue only')}
        </label>
        <label className="check">
          <input type="checkbox" checked={params.get('closed') === 'all'} onChange={(e) => set('closed', e.target.checked ? 'all' : '')} />
          {t('含已结案', 'include closed')}
        </label>
      </form>
      {loaded.state === 'loading' && <p className="muted">{t('加载中…', 'loading…')}</p>}
      {loaded.state === 'error' && <Failure error={loaded.error} />}
      {loaded.state === 'ok' && (
        <>
          <div className="table-wrap">
            <table className="cases" data-testid="case-list">
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
                {loaded.data.overdue.map(row)}
                {loaded.data.others.map(row)}
              </tbody>
            </table>
          </div>
          <p className="muted">
            {t(
              `共 ${loaded.data.total} 件，其中逾期 ${loaded.data.overdue.length} 件（逾期的在前）`,
              `${loaded.data.total} cases, ${loaded.data.overdue.length} overdue (listed first)`,
            )}
          </p>
        </>
      )}
    </section>
  );
}
