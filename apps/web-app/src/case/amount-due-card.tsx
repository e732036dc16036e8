import type { CaseView } from '../api/types';
import { useLang } from '../i18n/lang';
import { yuanOf } from '../money';

/** A penalty case's amount due today: fine, paid, 加处罚款 (with its source), in yuan. */
export function AmountDueCard({ c, onAsOf }: { c: CaseView; onAsOf: (date: string) => void }) {
  const { t } = useLang();
  const due = c.amountDue;
  if (!due) return null;
  return (
    <div className="card" data-testid="amount-due">
      <h3>{t('应缴金额', 'Amount due')}</h3>
      <p className="amount">¥{yuanOf(due.totalDueFen)}</p>
      <p>
        {t('罚款', 'fine')} ¥{yuanOf(due.fineFen)} · {t('已缴', 'paid')} ¥{yuanOf(due.principalPaidFen + due.lateFeePaidFen)} ·{' '}
        {t('加处罚款', 'late fee')} ¥{yuanOf(due.lateFeeFen)}
        {due.lateFeeCapped ? t('（已达上限）', ' (capped)') : ''}
      </p>
      <p>{t(`逾期 ${due.daysLate} 日（截至 ${due.asOf}）`, `${due.daysLate} days late (as of ${due.asOf})`)}</p>
      <small className="muted">{due.lateFeeSource}</small>
      <label className="form-field">
        <span>{t('计算日期', 'as of')}</span>
        <input type="date" value={due.asOf} onChange={(e) => onAsOf(e.target.value)} />
      </label>
    </div>
  );
}
