import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../api/client';
import { typed } from '../api/typed';
import type { RecallRow } from '../api/types';
import { choiceLabel } from '../forms/labels';
import { useLang, type Labels } from '../i18n/lang';
import { useCatalogue } from '../shell/catalogue';
import { Failure } from '../shell/failure';
import { Sparkline } from '../shell/sparkline';
import { useLoad } from '../shell/use-load';
import { pct } from '../case/recall-curve';

type Risk = NonNullable<RecallRow['risk']>;
const RISKS: Risk[] = ['high', 'medium', 'low'];
/** the risk filter: a level the API filters by, or 未评估 (not yet assessed), picked out of the answer here */
const UNASSESSED = 'none';
const NOT_ASSESSED: Labels = { zh: '未评估', en: 'not assessed' };
const isRisk = (v: string | null): v is Risk => RISKS.some((r) => r === v);

/** 召回: the bureau's recalls, high risk first, then the late ones, each with its completion curve in small. */
export function RecallsPage() {
  const { t, l } = useLang();
  const catalogue = useCatalogue();
  const [params, setParams] = useSearchParams();
  const risk = params.get('risk');
  const includeClosed = params.get('includeClosed') === 'true';
  const [loaded] = useLoad(
    () =>
      typed(
        api.GET('/api/recalls', {
          params: { query: { ...(isRisk(risk) ? { risk } : {}), ...(includeClosed ? { includeClosed: 'true' as const } : {}) } },
        }),
      ),
    [risk, includeClosed],
  );
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };
  const items = loaded.state === 'ok' ? loaded.data.items.filter((r) => risk !== UNASSESSED || r.risk === null) : [];
  return (
    <section>
      <p>
        {t(
          '本局的缺陷产品召回：高风险在前，再按逾期、最近期限；完成率为最近一次报告的数字。',
          'Recalls: high risk first, then overdue, then by next due; completion as last reported.',
        )}
      </p>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('风险等级', 'Risk')}
          <select value={isRisk(risk) || risk === UNASSESSED ? risk : ''} onChange={(e) => set('risk', e.target.value)}>
            <option value="">{t('全部', 'all')}</option>
            {RISKS.map((r) => (
              <option key={r} value={r}>
                {l(choiceLabel(r))}
              </option>
            ))}
            <option value={UNASSESSED}>{l(NOT_ASSESSED)}</option>
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={includeClosed} onChange={(e) => set('includeClosed', e.target.checked ? 'true' : '')} />
          {t('含已办结', 'include closed')}
        </label>
      </form>
      {loaded.state === 'loading' && <p className="muted">{t('加载中…', 'loading…')}</p>}
      {loaded.state === 'error' && <Failure error={loaded.error} />}
      {loaded.state === 'ok' &&
        (items.length === 0 ? (
          <p className="muted">{t('没有召回案件', 'no recalls')}</p>
        ) : (
          <div className="table-wrap">
            <table data-testid="recalls">
              <thead>
                <tr>
                  <th>{t('风险', 'Risk')}</th>
                  <th>{t('案件 · 产品', 'Case · product')}</th>
                  <th>{t('生产者', 'Producer')}</th>
                  <th>{t('阶段', 'Stage')}</th>
                  <th>{t('完成率', 'Completion')}</th>
                  <th>{t('曲线', 'Curve')}</th>
                  <th>{t('停滞', 'Stalled')}</th>
                  <th>{t('最近期限', 'Next due')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((r) => (
                  <tr key={r.caseId} className={r.overdue ? 'overdue-row' : ''}>
                    <td className={r.risk === 'high' ? 'overdue nowrap' : 'nowrap'} data-testid="risk">
                      {r.risk ? l(choiceLabel(r.risk)) : <span className="muted">{l(NOT_ASSESSED)}</span>}
                    </td>
                    <td>
                      <Link className="nowrap" to={`/cases/${encodeURIComponent(r.caseId)}`}>
                        {r.caseId}
                      </Link>
                      <br />
                      {r.title}
                    </td>
                    <td>{r.partyName}</td>
                    <td>
                      {l(catalogue.stage(r.caseType, r.stage), r.stage)}
                      {r.closed ? ` · ${t('已办结', 'closed')}` : ''}
                    </td>
                    <td className="nowrap">
                      {r.completionPermille === null ? '—' : pct(r.completionPermille)}
                      {r.unitsAffected !== null && (
                        <>
                          <br />
                          <small className="muted">{t(`共 ${r.unitsAffected} 件`, `of ${r.unitsAffected} units`)}</small>
                        </>
                      )}
                    </td>
                    <td>
                      {r.curve.length === 0 ? (
                        <span className="muted">—</span>
                      ) : (
                        <Sparkline
                          permilles={[0, ...r.curve.map((p) => p.permille)]}
                          label={t(
                            `完成率 ${r.curve.map((p) => pct(p.permille)).join(' → ')}`,
                            `completion ${r.curve.map((p) => pct(p.permille)).join(' → ')}`,
                          )}
                        />
                      )}
                    </td>
                    <td className={r.stalledReports > 0 ? 'overdue' : ''}>{r.stalledReports}</td>
                    <td className={r.overdue ? 'overdue nowrap' : 'nowrap'}>
                      {r.nextDue ?? '—'}
                      {r.overdue ? ` ${t('已逾期', 'overdue')}` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}
