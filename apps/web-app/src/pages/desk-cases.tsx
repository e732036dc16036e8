import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../api/client';
import { typed } from '../api/typed';
import { CaseTable } from '../case/case-table';
import { useLang } from '../i18n/lang';
import { SECTIONS } from '../i18n/names';
import { useCatalogue } from '../shell/catalogue';
import { Failure } from '../shell/failure';
import { useLoad } from '../shell/use-load';

type Process = 'penalty' | 'escalation' | 'recall' | 'directive' | 'accident';
type Age = '0-7' | '8-30' | '31-90' | '>90';

/** The open cases behind a figure of the desk (GET /api/desk/cases: process, stage, section, age, overdue), soonest due first. */
export function DeskCasesPage() {
  const { t, l } = useLang();
  const catalogue = useCatalogue();
  const [params] = useSearchParams();
  const process = params.get('process') ?? '';
  const stage = params.get('stage') ?? '';
  const section = params.get('section') ?? '';
  const age = params.get('age') ?? '';
  const overdue = params.get('overdue') ?? '';
  const [loaded] = useLoad(
    () =>
      typed(
        api.GET('/api/desk/cases', {
          params: {
            query: {
              ...(process ? { process: process as Process } : {}),
              ...(stage ? { stage } : {}),
              ...(section ? { section } : {}),
              ...(age ? { age: age as Age } : {}),
              ...(overdue === 'true' ? { overdue: 'true' as const } : {}),
              limit: '200',
            },
          },
        }),
      ),
    [params.toString()],
  );
  const what = [
    process && l(catalogue.byType(process)?.labels, process),
    stage && l(catalogue.stage(process, stage)),
    section && l(SECTIONS[section], section),
    age && t(`立案 ${age} 天`, `${age} days open`),
    overdue === 'true' && t('已逾期', 'overdue'),
  ].filter((x): x is string => typeof x === 'string' && x !== '');
  return (
    <section>
      <p>
        <Link to="/desk">← {t('督办台', 'desk')}</Link>
      </p>
      <h2>
        {t('在办案件', 'Open cases')}
        {what.length > 0 ? `：${what.join(' · ')}` : ''}
      </h2>
      {loaded.state === 'loading' && <p className="muted">{t('加载中…', 'loading…')}</p>}
      {loaded.state === 'error' && <Failure error={loaded.error} />}
      {loaded.state === 'ok' && (
        <>
          <CaseTable items={loaded.data.items} testId="desk-cases" />
          <p className="muted">{t(`共 ${loaded.data.total} 件`, `${loaded.data.total} cases`)}</p>
        </>
      )}
    </section>
  );
}
