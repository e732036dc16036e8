import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api/client';
import { typed } from '../api/typed';
import { AccidentCard } from '../case/accident-card';
import { AmountDueCard } from '../case/amount-due-card';
import { CommandPanel } from '../case/command-panel';
import { DeadlinesCard } from '../case/deadlines-card';
import { DirectivePdf } from '../case/directive-pdf';
import { NoticesCard } from '../case/notices-card';
import { Timeline } from '../case/timeline';
import { untilProjected } from '../case/until-projected';
import type { Accepted } from '../forms/command-form';
import { useLang } from '../i18n/lang';
import { SECTIONS } from '../i18n/names';
import { procedureText } from '../i18n/procedure';
import { useCatalogue } from '../shell/catalogue';
import { Failure } from '../shell/failure';
import { useLoad } from '../shell/use-load';

// a recall's curve (ECharts) loads with a recall's page
const RecallCard = lazy(() => import('../case/recall-card').then((m) => ({ default: m.RecallCard })));

export function CasePage() {
  const { caseId = '' } = useParams();
  const { t, l } = useLang();
  const catalogue = useCatalogue();
  // the amount due is computed for a day of the person's choosing (today by default)
  const [asOf, setAsOf] = useState('');
  const [loaded, reload] = useLoad(
    () => typed(api.GET('/api/cases/{caseId}', { params: { path: { caseId }, query: asOf ? { asOf } : {} } })),
    [caseId, asOf],
  );
  const [accepted, setAccepted] = useState<string | null>(null);
  if (loaded.state === 'loading') return <p className="muted">{t('加载中…', 'loading…')}</p>;
  if (loaded.state === 'error') return <Failure error={loaded.error} />;
  const c = loaded.data;
  const process = catalogue.byType(c.caseType);
  const procedure = procedureText(c.caseType, c.procedure);
  const onAccepted = (a: Accepted) => {
    const events = a.events ?? [];
    setAccepted(
      t(
        `已受理：${events.map((e) => l(catalogue.event(c.caseType, e.type))).join('、')}`,
        `Accepted: ${events.map((e) => l(catalogue.event(c.caseType, e.type))).join(', ')}`,
      ),
    );
    void untilProjected(c.caseId, Math.max(c.lastSeq + 1, ...events.map((e) => e.seq))).then(reload);
  };
  return (
    <section className="case-page">
      <p>
        <Link to="/cases">← {t('案件列表', 'cases')}</Link>
      </p>
      <div className="card summary" data-testid="case-summary">
        <h2>
          {c.title} <small className="muted">{c.caseId}</small>
        </h2>
        <p className="facts">
          <span>{l(process?.labels, c.caseType)}</span>
          {procedure && (
            <span data-testid="procedure">
              {l(procedure.heading)}：{l(procedure.text)}
            </span>
          )}
          <span>
            {t('阶段', 'Stage')}：<strong data-testid="stage">{l(catalogue.stage(c.caseType, c.stage))}</strong>
          </span>
          <span>
            {t('当事人', 'Party')}：{c.partyName}
          </span>
          <span>
            {t('科室', 'Section')}：{l(SECTIONS[c.section], c.section)}
          </span>
          {c.closed && <span className="closed">{t('已办结', 'closed')}</span>}
          {c.damaged && <span className="overdue">{t('受损：部分事件未能写入查询库', 'damaged: some events could not be projected')}</span>}
        </p>
        {accepted && (
          <p className="ok" role="status">
            {accepted}
          </p>
        )}
      </div>
      <div className="grid">
        <CommandPanel c={c} onAccepted={onAccepted} />
        <div className="side">
          <DeadlinesCard c={c} />
          <AmountDueCard c={c} onAsOf={setAsOf} />
          {c.caseType === 'directive' && <DirectivePdf caseId={c.caseId} />}
          {c.caseType === 'accident' && <AccidentCard c={c} />}
        </div>
      </div>
      {c.caseType === 'recall' && (
        <Suspense fallback={null}>
          <RecallCard c={c} />
        </Suspense>
      )}
      <Timeline c={c} />
      <NoticesCard c={c} />
    </section>
  );
}
