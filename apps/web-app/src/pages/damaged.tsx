import { api } from '../api/client';
import { typed } from '../api/typed';
import { useLang } from '../i18n/lang';
import { Failure } from '../shell/failure';
import { useLoad } from '../shell/use-load';
import { beijingTime } from '../time';

/** A projector's reason, with a validation report as "field: problem" lines rather than raw JSON. */
function reasonLines(reason: string): string[] {
  const at = reason.indexOf(': [');
  if (at < 0) return [reason];
  try {
    const issues = JSON.parse(reason.slice(at + 2)) as { path?: (string | number)[]; message?: string }[];
    return [reason.slice(0, at), ...issues.map((i) => `· ${(i.path ?? []).join('.') || '(whole)'}: ${i.message ?? ''}`)];
  } catch {
    return [reason];
  }
}

/** 受损案件: cases whose events could not be projected (dead-lettered), and how to replay them once repaired. */
export function DamagedPage() {
  const { t } = useLang();
  const [loaded] = useLoad(() => typed(api.GET('/api/audit/damaged')), []);
  return (
    <section>
      <p className="hint">
        {t(
          '这些案件的事件无法写入查询库（已转入死信主题），案件页显示“受损”。修复数据后用',
          'Events of these cases could not be projected (dead-lettered). Once repaired, replay with',
        )}{' '}
        <code>npm run dlq -- replay cases.events.v1</code>
      </p>
      {loaded.state === 'error' && <Failure error={loaded.error} />}
      {loaded.state === 'ok' &&
        (loaded.data.length === 0 ? (
          <p className="muted">{t('没有受损案件', 'no damaged cases')}</p>
        ) : (
          <div className="table-wrap">
            <table data-testid="damaged">
              <thead>
                <tr>
                  <th>{t('案件', 'Case')}</th>
                  <th>{t('类型', 'Type')}</th>
                  <th>{t('事件序号', 'Seq')}</th>
                  <th>{t('条数', 'Letters')}</th>
                  <th>{t('原因', 'Why')}</th>
                  <th>{t('最近', 'Latest')}</th>
                </tr>
              </thead>
              <tbody>
                {loaded.data.map((d) => (
                  <tr key={d.caseId}>
                    <td>{d.caseId}</td>
                    <td>{d.caseType ?? '—'}</td>
                    <td>{d.firstSeq === d.lastSeq ? String(d.firstSeq ?? '?') : `${d.firstSeq ?? '?'}–${d.lastSeq ?? '?'}`}</td>
                    <td>{d.events}</td>
                    <td className="reason">
                      {reasonLines(d.lastReason).map((line, i) => (
                        <div key={i}>{line}</div>
                      ))}
                    </td>
                    <td>{beijingTime(d.lastEventAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}
