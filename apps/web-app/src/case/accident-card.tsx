import { useState } from 'react';
import type { CaseView } from '../api/types';
import { ACCIDENT_GRADES, ACCIDENT_KINDS, ACCIDENT_LEADS, LEAD_UNSETTLED, NOT_GRADED } from '../i18n/accident-names';
import { useLang } from '../i18n/lang';
import { beijingTime } from '../time';
import { obj, str } from './state';

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
        {l(ACCIDENT_KINDS[kind], kind)} · {grade ? l(ACCIDENT_GRADES[grade], grade) : l(NOT_GRADED)} ·{' '}
        {lead ? l(ACCIDENT_LEADS[lead], lead) : l(LEAD_UNSETTLED)}
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
