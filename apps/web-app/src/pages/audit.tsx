import { useState } from 'react';
import { api } from '../api/client';
import type { Result } from '../api/raw';
import { typed } from '../api/typed';
import { obj, str } from '../case/state';
import { useLang } from '../i18n/lang';
import { useCatalogue } from '../shell/catalogue';
import { ROLES } from '../i18n/names';
import { inYuan } from '../money';
import { Failure, inLang } from '../shell/failure';
import { useLoad } from '../shell/use-load';
import { beijingTime } from '../time';
import type { paths } from '../api/schema';

type Verified = paths['/api/audit/verify']['get']['responses'][200]['content']['application/json'];

/** 审计: verify the event store's hash chains (and the accounts' log); the commands refused, newest first. */
export function AuditPage() {
  const { t, l, lang } = useLang();
  const catalogue = useCatalogue();
  /** a command by its label, whichever process has it */
  const commandName = (type: string) => {
    const owner = catalogue.processes.find((p) => [...p.openings, ...p.commands].some((c) => c.type === type));
    return owner ? l(catalogue.command(owner.caseType, type)) : type;
  };
  const [refusals] = useLoad(() => typed(api.GET('/api/audit/refusals', { params: { query: { limit: '100' } } })), []);
  const [verified, setVerified] = useState<Result<Verified> | 'running' | null>(null);
  const verify = async () => {
    setVerified('running');
    setVerified(await typed(api.GET('/api/audit/verify')));
  };
  return (
    <section>
      <div className="card">
        <button type="button" onClick={() => void verify()} disabled={verified === 'running'}>
          {t('校验哈希链', 'Verify the store')}
        </button>
        {verified === 'running' && <p className="muted">{t('校验中…', 'verifying…')}</p>}
        {verified && verified !== 'running' && !verified.ok && <Failure error={verified.error} />}
        {verified && verified !== 'running' && verified.ok && (
          <div data-testid="verified" className={verified.data.ok ? 'ok' : 'error'}>
            {verified.data.ok
              ? t(
                  `校验通过：${verified.data.casesChecked} 件案件，${verified.data.eventsChecked} 个事件；账户日志 ${verified.data.identityLog?.entriesChecked ?? 0} 条`,
                  `Verified: ${verified.data.casesChecked} cases, ${verified.data.eventsChecked} events; identity log ${verified.data.identityLog?.entriesChecked ?? 0} entries`,
                )
              : verified.data.broken.map((b) => (
                  <div key={`${b.caseId}|${b.seq}`}>
                    {t(`案件 ${b.caseId} 第 ${b.seq} 个事件`, `case ${b.caseId} event ${b.seq}`)}（{b.reason}）：{b.message}
                  </div>
                ))}
            {verified.data.identityLog?.firstBreak && (
              <div>
                {t('账户日志断点', 'identity log break')} #{verified.data.identityLog.firstBreak.seq}：
                {verified.data.identityLog.firstBreak.message}
              </div>
            )}
          </div>
        )}
      </div>
      <div className="card">
        <h3>{t('被拒绝的命令', 'Refused commands')}</h3>
        {refusals.state === 'error' && <Failure error={refusals.error} />}
        {refusals.state === 'ok' && refusals.data.length === 0 && <p className="muted">{t('没有被拒绝的命令', 'no refused commands')}</p>}
        {refusals.state === 'ok' && refusals.data.length > 0 && (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t('时间', 'When')}</th>
                  <th>{t('人员', 'Who')}</th>
                  <th>{t('案件', 'Case')}</th>
                  <th>{t('命令', 'Command')}</th>
                  <th>{t('原因', 'Why')}</th>
                </tr>
              </thead>
              <tbody>
                {refusals.data.map((r) => (
                  <tr key={`${r.refusedAt}|${r.actor.id}|${r.code}`}>
                    <td>{beijingTime(r.refusedAt)}</td>
                    <td>
                      {r.actor.name ?? r.actor.id}（{l(ROLES[r.actor.role], r.actor.role)}）
                    </td>
                    <td>{r.caseId ?? '—'}</td>
                    <td>{commandName(str(obj(r.command)['type']) ?? '')}</td>
                    <td>
                      {inYuan(inLang(r.message, lang))} <small className="code">{r.code}</small>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}
