import { useState } from 'react';
import type { CaseView } from '../api/types';
import { useLang, type Labels } from '../i18n/lang';
import { beijingTime } from '../time';
import { obj, str } from './state';

const KIND: Record<string, Labels> = {
  special_equipment: { zh: '特种设备事故', en: 'special equipment accident' },
  product_quality: { zh: '产品质量事故', en: 'product quality accident' },
  food_related_product: { zh: '食品相关产品质量安全事故', en: 'food-related product accident' },
};
const GRADE: Record<string, Labels> = {
  extraordinary: { zh: '特别重大事故', en: 'extraordinary' },
  major: { zh: '重大事故', en: 'major' },
  larger: { zh: '较大事故', en: 'larger' },
  general: { zh: '一般事故', en: 'general' },
};
const LEAD: Record<string, Labels> = {
  district_bureau: { zh: '本局组织调查', en: 'this bureau investigates' },
  city_department: { zh: '市局组织调查，本局参与', en: 'the city bureau investigates; this bureau takes part' },
  province_department: { zh: '省局组织调查，本局参与', en: 'the province investigates; this bureau takes part' },
  samr: { zh: '国家市场监督管理总局组织调查，本局参与', en: 'SAMR investigates; this bureau takes part' },
  state_council: { zh: '国务院或其授权部门组织调查，本局参与', en: 'the State Council investigates; this bureau takes part' },
};

/** 事故: kind, grade, who leads, hours since the report, the reports upward still owed (overdue marked, with source). */
export function AccidentCard({ c }: { c: CaseView }) {
  const { t, l } = useLang();
  const s = obj(c.state);
  const receivedAt = str(s['receivedAt']);
  const [now] = useState(() => Date.now());
  const owed = Object.values(obj(s['hourLimits']))
    .map(obj)
    .sort((a, b) => Date.parse(str(a['dueAt']) ?? '') - Date.parse(str(b['dueAt']) ?? ''));
  const kind = str(s['kind']) ?? '';
  const grade = str(s['grade']);
  const lead = str(s['lead']);
  return (
    <div className="card" data-testid="accident-card">
      <h3>{t('事故', 'Accident')}</h3>
      <p>
        {l(KIND[kind], kind)} · {grade ? l(GRADE[grade], grade) : t('未定级', 'not graded')} ·{' '}
        {lead ? l(LEAD[lead], lead) : t('调查主体待界定', 'who leads: to be settled')}
      </p>
      {receivedAt && (
        <p>
          {t(
            `接报至今 ${Math.floor((now - Date.parse(receivedAt)) / 3600_000)} 小时（接报 ${beijingTime(receivedAt)}）`,
            `${Math.floor((now - Date.parse(receivedAt)) / 3600_000)} h since the report (${beijingTime(receivedAt)})`,
          )}
          {s['unitReportLate'] === true ? t('；事故单位迟报', '; the unit reported late') : ''}
        </p>
      )}
      {owed.length === 0 ? (
        <p className="muted">{t('上报均已完成', 'every report upward made')}</p>
      ) : (
        <ul>
          {owed.map((h) => {
            const dueAt = str(h['dueAt']) ?? '';
            const late = Date.parse(dueAt) < now;
            return (
              <li key={`${str(h['labelZh'])}${dueAt}`} className={late ? 'overdue' : ''}>
                {str(h['labelZh'])}：{t('限', 'by')} {beijingTime(dueAt)}
                {late ? t('（已逾期）', ' (overdue)') : ''}
                <br />
                <small className="muted">{str(h['legalSource'])}</small>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
