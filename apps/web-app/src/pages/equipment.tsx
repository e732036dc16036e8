import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../api/client';
import type { Result } from '../api/raw';
import { typed } from '../api/typed';
import type { EquipmentDirectives } from '../api/types';
import { useLang, type Labels } from '../i18n/lang';
import { useCatalogue } from '../shell/catalogue';
import { Failure } from '../shell/failure';
import { useLoad } from '../shell/use-load';

const EQUIPMENT: Record<string, Labels> = {
  boiler: { zh: '锅炉', en: 'boiler' },
  pressure_vessel: { zh: '压力容器', en: 'pressure vessel' },
  pressure_piping: { zh: '压力管道', en: 'pressure piping' },
  elevator: { zh: '电梯', en: 'elevator' },
  crane: { zh: '起重机械', en: 'crane' },
  passenger_ropeway: { zh: '客运索道', en: 'passenger ropeway' },
  amusement_ride: { zh: '大型游乐设施', en: 'amusement ride' },
  field_vehicle: { zh: '场（厂）内专用机动车辆', en: 'field vehicle' },
};

/** Every open directive case on opening; a unit or a registration code narrows it (closed ones too on request). */
function search(q: URLSearchParams): Promise<Result<EquipmentDirectives>> {
  const unit = q.get('unit') ?? '';
  const registrationCode = q.get('registrationCode') ?? '';
  return typed(
    api.GET('/api/directives/equipment', {
      params: {
        query: {
          ...(unit ? { unit } : {}),
          ...(registrationCode ? { registrationCode } : {}),
          ...(q.get('includeClosed') === 'true' ? { includeClosed: 'true' as const } : {}),
        },
      },
    }),
  );
}

/** 特种设备: every open directive, seal and emergency order (awaiting their written directive first); by unit or device when named. */
export function EquipmentPage() {
  const { t, l } = useLang();
  const catalogue = useCatalogue();
  const [params, setParams] = useSearchParams();
  const [unit, setUnit] = useState(params.get('unit') ?? '');
  const [code, setCode] = useState(params.get('registrationCode') ?? '');
  const [closed, setClosed] = useState(params.get('includeClosed') === 'true');
  const [loaded] = useLoad(() => search(params), [params.toString()]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (unit.trim()) next.set('unit', unit.trim());
    if (code.trim()) next.set('registrationCode', code.trim());
    if (closed) next.set('includeClosed', 'true');
    setParams(next);
  };
  return (
    <section>
      <p>
        {t(
          '全部未办结的安全监察指令、查封扣押和现场紧急处置（待补发书面指令的在前）；可按使用单位或设备注册代码筛选。',
          'Every open directive, seal and emergency order (those awaiting the written directive first); narrow by unit or registration code.',
        )}
      </p>
      <form className="filters" onSubmit={submit}>
        <label>
          {t('使用单位', 'Unit')}
          <input value={unit} onChange={(e) => setUnit(e.target.value)} />
        </label>
        <label>
          {t('设备注册代码', 'Registration code')}
          <input value={code} onChange={(e) => setCode(e.target.value)} />
        </label>
        <label className="check">
          <input type="checkbox" checked={closed} onChange={(e) => setClosed(e.target.checked)} />
          {t('含已办结', 'include closed')}
        </label>
        <button>{t('查询', 'Search')}</button>
      </form>
      {loaded.state === 'loading' && <p className="muted">{t('加载中…', 'loading…')}</p>}
      {loaded.state === 'error' && <Failure error={loaded.error} />}
      {loaded.state === 'ok' &&
        (loaded.data.items.length === 0 ? (
          <p className="muted">{t('没有安全监察指令案件', 'no directive cases')}</p>
        ) : (
          <div className="table-wrap">
            <table data-testid="equipment">
              <thead>
                <tr>
                  <th>{t('案件', 'Case')}</th>
                  <th>{t('设备', 'Equipment')}</th>
                  <th>{t('使用单位', 'Unit')}</th>
                  <th>{t('阶段', 'Stage')}</th>
                  <th>{t('紧急处置', 'Emergency')}</th>
                  <th>{t('查封扣押', 'Seal')}</th>
                  <th>{t('最近期限', 'Next due')}</th>
                </tr>
              </thead>
              <tbody>
                {loaded.data.items.map((c) => (
                  <tr key={c.caseId} className={c.awaitingWrittenDirective || c.overdue ? 'overdue-row' : ''}>
                    <td>
                      <Link to={`/cases/${encodeURIComponent(c.caseId)}`}>{c.caseId}</Link>
                    </td>
                    <td>
                      {c.equipment ? `${c.equipment.registrationCode} ${l(EQUIPMENT[c.equipment.type])} ${c.equipment.location}` : ''}
                    </td>
                    <td>{c.partyName}</td>
                    <td>{l(catalogue.stage(c.caseType, c.stage))}</td>
                    <td>
                      {c.awaitingWrittenDirective
                        ? t('待补发书面指令', 'written directive outstanding')
                        : c.emergencyOrder
                          ? t('已补发', 'reissued')
                          : '—'}
                    </td>
                    <td>{c.sealed ? t('查封扣押中', 'sealed') : '—'}</td>
                    <td className={c.overdue ? 'overdue' : ''}>
                      {c.nextDue ?? '—'}
                      {c.overdue ? ` ${t('已逾期', 'overdue')}` : ''}
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
