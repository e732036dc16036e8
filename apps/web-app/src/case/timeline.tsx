import type { CaseView } from '../api/types';
import { useLang } from '../i18n/lang';
import { useCatalogue } from '../shell/catalogue';
import { beijingTime } from '../time';
import { deadlineNamesOf, payloadLines } from './payload-text';

/** What happened, in words: each event by its label, who, when, and what it recorded. */
export function Timeline({ c }: { c: CaseView }) {
  const { t, l } = useLang();
  const catalogue = useCatalogue();
  // a later event that clears a deadline names only its kind: its names come from the event that set it
  const names = deadlineNamesOf(c.timeline.map((e) => e.payload));
  return (
    <div className="card">
      <h3>{t('时间线', 'Timeline')}</h3>
      <ol className="timeline" data-testid="timeline">
        {[...c.timeline].reverse().map((e) => (
          <li key={e.seq}>
            <div className="event-head">
              <strong>{l(catalogue.event(c.caseType, e.type))}</strong>
              <span className="muted">
                #{e.seq} · {beijingTime(e.occurredAt)} · {e.actor.name ?? e.actor.id}
              </span>
            </div>
            <dl className="payload">
              {payloadLines(e.payload, l, names).map((p) => (
                <div key={p.key}>
                  <dt>{p.label}</dt>
                  <dd>{p.text}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ol>
    </div>
  );
}
