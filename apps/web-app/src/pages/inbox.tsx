import { Link } from 'react-router-dom';
import { call, type Result } from '../api/raw';
import type { CaseSummary } from '../api/types';
import { arr, obj, str } from '../case/state';
import { useLang, type Labels } from '../i18n/lang';
import { useCatalogue } from '../shell/catalogue';
import { Failure } from '../shell/failure';
import { session } from '../shell/session';
import { useLoad } from '../shell/use-load';

/** One thing to do: a case, the command it waits for from me (or my section), by when. */
interface Task {
  caseId: string;
  caseType: string;
  title: string;
  stage: string;
  command: string;
  label?: Labels;
  due: string;
  overdue: boolean;
  forSection: boolean;
}

const labelsOf = (v: unknown): Labels | undefined => {
  const o = obj(v);
  return typeof o['zh'] === 'string' && typeof o['en'] === 'string' ? { zh: o['zh'], en: o['en'] } : undefined;
};

function taskOf(v: unknown): Task {
  const o = obj(v);
  const deadline = obj(o['deadline']);
  const label = labelsOf(o['label']) ?? labelsOf(o['commandLabel']);
  const due = str(deadline['due']) ?? str(o['dueAt']) ?? str(o['due']) ?? '';
  return {
    caseId: str(o['caseId']) ?? '',
    caseType: str(o['caseType']) ?? '',
    title: str(o['title']) ?? '',
    stage: str(o['stage']) ?? '',
    command: str(o['command']) ?? '',
    ...(label ? { label } : {}),
    due,
    overdue: o['overdue'] === true || deadline['overdue'] === true,
    forSection: o['forSection'] === true || o['scope'] === 'section',
  };
}

/**
 * My inbox: GET /api/inbox (branch `moves`); where the server has none yet, the open cases I can see, overdue first
 * (without the command: that needs the moves).
 */
async function loadInbox(): Promise<Result<{ tasks: Task[]; fallback: boolean }>> {
  const r = await call<unknown>('GET', '/api/inbox');
  if (r.ok) {
    const root = obj(r.data);
    const items = Array.isArray(r.data) ? r.data : [...arr(root['items']), ...arr(root['mine']), ...arr(root['section'])];
    return { ok: true, status: 200, data: { tasks: items.map(taskOf), fallback: false } };
  }
  if (r.error.code !== 'ROUTE_NOT_FOUND') return r;
  const cases = await call<{ items: CaseSummary[] }>('GET', `/api/cases?closed=false&limit=100`);
  if (!cases.ok) return cases;
  const tasks = cases.data.items
    .map((c) => ({
      caseId: c.caseId,
      caseType: c.caseType,
      title: c.title,
      stage: c.stage,
      command: '',
      due: c.nextDue ?? '',
      overdue: c.overdue,
      forSection: true,
    }))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.due || '9').localeCompare(b.due || '9'));
  return { ok: true, status: 200, data: { tasks, fallback: true } };
}

export function InboxPage() {
  const { t, l } = useLang();
  const catalogue = useCatalogue();
  const [loaded] = useLoad(loadInbox, []);
  const user = session.get()?.user;
  if (loaded.state === 'loading') return <p className="muted">{t('加载中…', 'loading…')}</p>;
  if (loaded.state === 'error') return <Failure error={loaded.error} />;
  const { tasks, fallback } = loaded.data;
  return (
    <section>
      <h2>{t(`${user?.name ?? ''}的待办`, `To do for ${user?.name ?? ''}`)}</h2>
      {fallback && (
        <p className="muted">
          {t(
            '（服务器尚未提供待办：以下为您可见的在办案件，逾期的在前）',
            '(no inbox from the server: the open cases you can see, overdue first)',
          )}
        </p>
      )}
      {tasks.length === 0 ? (
        <p className="muted">{t('没有待办事项', 'nothing to do')}</p>
      ) : (
        <ul className="tasks" data-testid="inbox">
          {tasks.map((task) => (
            <li key={`${task.caseId}|${task.command}`} className={task.overdue ? 'overdue-row' : ''}>
              <Link to={`/cases/${encodeURIComponent(task.caseId)}`}>
                <strong>
                  {task.command
                    ? l(task.label ?? catalogue.command(task.caseType, task.command))
                    : l(catalogue.stage(task.caseType, task.stage))}
                </strong>
              </Link>
              <span>{task.title}</span>
              <span className="muted">
                {l(catalogue.byType(task.caseType)?.labels, task.caseType)} · {task.caseId}
                {task.forSection && !fallback ? ` · ${t('科室待办', 'for the section')}` : ''}
              </span>
              <span className={task.overdue ? 'overdue' : ''}>
                {task.due ? `${t('期限', 'due')} ${task.due.slice(0, 16).replace('T', ' ')}` : ''}
                {task.overdue ? ` ${t('已逾期', 'overdue')}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
