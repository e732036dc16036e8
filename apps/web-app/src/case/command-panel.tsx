import { useEffect, useState } from 'react';
import type { CaseView, Move } from '../api/types';
import { CommandForm, type Accepted } from '../forms/command-form';
import { commandSchemas } from '../forms/command-schemas';
import type { JsonSchema } from '../forms/json-schema';
import { useLang } from '../i18n/lang';
import { ROLES, SECTIONS } from '../i18n/names';
import { useCatalogue } from '../shell/catalogue';
import { Failure, inLang } from '../shell/failure';
import { useLoad } from '../shell/use-load';
import { movesOf } from './moves';

/** "科长（本科室）或局长": who may send a move, from its roles and their scopes (own_section | any_section | only:<section>). */
function whoText(
  m: Move,
  caseSection: string,
  l: (x: { zh: string; en: string } | undefined, f?: string) => string,
  t: (zh: string, en: string) => string,
): string {
  const scopes = m.scope.split(',');
  return m.roles
    .map((role, i) => {
      const scope = scopes[i] ?? '';
      const where = scope.startsWith('only:')
        ? l(SECTIONS[scope.slice(5)], scope.slice(5))
        : scope === 'own_section'
          ? l(SECTIONS[caseSection], caseSection)
          : '';
      return where ? t(`${where}${l(ROLES[role], role)}`, `${l(ROLES[role], role)} (${where})`) : l(ROLES[role], role);
    })
    .join(t('或', ' or '));
}

/**
 * Whose move: every command the case accepts now (GET …/moves), who may send it and by when; the form of the one chosen
 * among those this person may send (the first the process lists, by default). A closed case offers none.
 */
export function CommandPanel({ c, onAccepted }: { c: CaseView; onAccepted: (a: Accepted) => void }) {
  const { t, l, lang } = useLang();
  const catalogue = useCatalogue();
  const process = catalogue.byType(c.caseType);
  const [moves] = useLoad(() => movesOf(c.caseId), [c.caseId, c.lastSeq]);
  const [schemas, setSchemas] = useState<Record<string, JsonSchema> | null>(null);
  const [chosen, setChosen] = useState<string>('');
  const route = process?.route;
  useEffect(() => {
    if (route) void commandSchemas(`/api/${route}/{id}/commands`).then(setSchemas);
  }, [route]);
  if (moves.state === 'loading' || !schemas) return <div className="card">{t('加载中…', 'loading…')}</div>;
  if (moves.state === 'error') return <Failure error={moves.error} />;
  const all = moves.data.moves;
  const mine = all.filter((m) => m.mayISend && schemas[m.command]);
  const type = mine.some((m) => m.command === chosen) ? chosen : (mine[0]?.command ?? '');
  const schema = schemas[type];
  return (
    <div className="card command-panel" data-testid="command-panel">
      <h3>{t('下一步', 'Next step')}</h3>
      {moves.data.closed || all.length === 0 ? (
        <p className="muted">{t('案件已办结，没有待办的命令', 'The case is closed: nothing to do')}</p>
      ) : (
        <>
          <ul className="whose-move" data-testid="whose-move">
            {all.map((m) => (
              <li
                key={m.command}
                className={m.mayISend ? 'mine' : ''}
                // why not me, on hover (the server's words, without the command's code name)
                title={!m.mayISend && m.reasonIfNot ? inLang(m.reasonIfNot, lang).replace(/^[A-Z][A-Za-z]+\s+/, '') : undefined}
              >
                <strong>{l(m.label)}</strong> · {whoText(m, c.section, l, t)}
                {m.dueAt && (
                  <span className={m.dueAt < new Date().toISOString().slice(0, 10) ? 'overdue' : ''}>
                    {' '}
                    · {t('期限', 'due')} {m.dueAt}
                  </span>
                )}
                {m.deadline && <small className="muted"> （{t(m.deadline.labelZh, m.deadline.labelEn)}）</small>}
              </li>
            ))}
          </ul>
          {mine.length === 0 ? (
            <p className="muted" data-testid="not-my-move">
              {t('目前没有需要您办理的命令', 'Nothing for you to send now')}
            </p>
          ) : (
            <>
              <label className="form-field">
                <span>{t('办理', 'Send')}</span>
                <select name="command" value={type} onChange={(e) => setChosen(e.target.value)}>
                  {mine.map((m) => (
                    <option key={m.command} value={m.command}>
                      {l(m.label)}
                      {m.dueAt ? ` · ${t('期限', 'due')} ${m.dueAt}` : ''}
                    </option>
                  ))}
                </select>
              </label>
              {schema && process && (
                <CommandForm
                  key={`${type}.${c.lastSeq}`}
                  url={`/api/${process.route}/${encodeURIComponent(c.caseId)}/commands`}
                  type={type}
                  schema={schema}
                  submitLabel={t(`提交：${l(catalogue.command(c.caseType, type))}`, `Send: ${l(catalogue.command(c.caseType, type))}`)}
                  onAccepted={onAccepted}
                />
              )}
            </>
          )}
        </>
      )}
    </div>
  );
}
