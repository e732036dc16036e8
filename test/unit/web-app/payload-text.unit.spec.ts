import { deadlineNamesOf, payloadLines } from '../../../apps/web-app/src/case/payload-text';

const zh = (labels: { zh: string; en: string }) => labels.zh;
const en = (labels: { zh: string; en: string }) => labels.en;

describe('timeline text: deadlines an event clears are named as the event that set them named them', () => {
  const opened = {
    deadlines: { set: [{ kind: 'filing_decision', labelZh: '立案决定', labelEn: 'decide whether to file', due: '2026-12-25' }] },
  };
  const filed = {
    deadlines: {
      set: [{ kind: 'decision', labelZh: '作出处理决定', labelEn: 'penalty decision', due: '2027-03-04' }],
      clear: ['filing_decision'],
    },
  };
  const names = deadlineNamesOf([opened, filed]);

  it('collects the names of every kind set, from lists and from maps by kind', () => {
    expect(names.get('filing_decision')).toEqual({ zh: '立案决定', en: 'decide whether to file' });
    expect(names.get('decision')).toEqual({ zh: '作出处理决定', en: 'penalty decision' });
    const byKind = deadlineNamesOf([
      { deadlines: { payment: { labelZh: '缴纳罚款', labelEn: 'payment of the fine', due: '2027-01-01' } } },
    ]);
    expect(byKind.get('payment')).toEqual({ zh: '缴纳罚款', en: 'payment of the fine' });
  });

  it('shows a cleared deadline by its Chinese (or English) name, not its code', () => {
    const line = payloadLines(filed, zh, names).find((p) => p.key === 'deadlines');
    expect(line?.text).toBe('作出处理决定 至 2027-03-04；解除 立案决定');
    expect(payloadLines(filed, en, names).find((p) => p.key === 'deadlines')?.text).toBe(
      'penalty decision by 2027-03-04；cleared decide whether to file',
    );
  });
});
