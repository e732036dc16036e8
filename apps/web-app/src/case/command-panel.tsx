import { useEffect, useState } from 'react';
import type { CaseView } from '../api/types';
import { CommandForm, type Accepted } from '../forms/command-form';
import { commandSchemas } from '../forms/command-schemas';
import type { JsonSchema } from '../forms/json-schema';
import { useLang } from '../i18n/lang';
import { ROLES } from '../i18n/names';
import { useCatalogue } from '../shell/catalogue';
import { Failure } from '../shell/failure';
import { useLoad } from '../shell/use-load';
import { beijingTime } from '../time';
import { movesOf, type Move } from './moves';

/**
 * Whose move: every command the case accepts now, who may send it and by when; the form of the one chosen among those
 * this person may send (the first by default). A closed case offers none.
 */
export function CommandPanel({ c, onAccepted }: { c: CaseView; onAccepted: (a: Accepted) => void }) {
  const { t, l } = useLang();
  const catalogue = useCatalogue();
  const process = catalogue.byType(c.caseType);
  const [moves] = useLoad(() => movesOf(c, process), [c.caseId, c.lastSeq]);
  const [schemas, setSchemas] = useState<Record<string, JsonSchema> | null>(null);
  const [chosen, setChosen] = useState<string>('');
  useEffect(() => {
    if (process) void commandSchemas(`/api/${process.route}/{id}/commands`).then(setSchemas);
  }, [process]);
  if (moves.state === 'loading' || !schemas) return <div className="card">{t('加载中…', 'loading…')}</div>;
  if (moves.state === 'error') return <Failure error={moves.error} />;
  const mine = moves.data.moves.filter((m) => m.mayISend && schemas[m.command]);
  const others = moves.data.moves.filter((m) => !m.mayISend);
  const type = mine.some((m) => m.command === chosen) ? chosen : (mine[0]?.command ?? '');
  const schema = schemas[type];
  const due = (m: Move) => m.deadline?.due ?? (m.dueAt ? beijingTime(m.dueAt) : null);
  return (
    <div className="card command-panel" data-testid="command-panel">
      <h3>{t('办理', 'Next step')}</h3>
      {moves.data.fallback && (
        <p className="muted">
          {t(
            '（服务器尚未提供“谁的下一步”，以下为您的角色可发的命令）',
            '(no whose-move answer from the server: the commands your roles allow)',
          )}
        </p>
      )}
      {moves.data.closed || moves.data.moves.length === 0 ? (
        <p className="muted">{t('案件已办结，没有待办的命令', 'The case is closed: nothing to do')}</p>
      ) : (
        <>
          {others.length > 0 && (
            <ul className="whose-move" data-testid="whose-move">
              {others.map((m) => (
                <li key={m.command}>
                  {t('等待', 'Waiting for')} {m.roles.map((r) => l(ROLES[r], r)).join(t('或', ' or '))}：{l(m.label)}
                  {due(m) ? ` · ${t('期限', 'due')} ${due(m) ?? ''}` : ''}
                  {m.reasonIfNot ? <small className="muted"> · {m.reasonIfNot}</small> : null}
                </li>
              ))}
            </ul>
          )}
          {mine.length === 0 ? (
            <p className="muted">{t('目前没有需要您办理的命令', 'Nothing for you to send now')}</p>
          ) : (
            <>
              <label className="form-field">
                <span>{t('命令', 'Command')}</span>
                <select name="command" value={type} onChange={(e) => setChosen(e.target.value)}>
                  {mine.map((m) => (
                    <option key={m.command} value={m.command}>
                      {l(m.label)}
                      {due(m) ? ` · ${t('期限', 'due')} ${due(m) ?? ''}` : ''}
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
