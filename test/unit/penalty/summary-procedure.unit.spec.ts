import { yuan } from '@qts/domain';
import { calendar, given } from '../../support/penalty-given-when-then';
import { citizen, organisation } from '../../support/penalty-fixtures';

const summary = (party: typeof citizen | typeof organisation, fineYuan: number, decidedOn = '2026-11-20') =>
  ({
    type: 'OpenSummaryCase',
    section: 'quality',
    title: '产品标识不符合规定',
    party,
    violationDate: decidedOn,
    decidedOn,
    provisionId: 'product-quality-law-art54',
    penalty: { kind: 'fine', fineFen: yuan(fineYuan) },
  }) as const;

describe('summary procedure (简易程序)', () => {
  it('decides and serves on the spot within the 2021 thresholds, starting the payment period', () => {
    const events = given([]).when(summary(organisation, 3000), '2026-11-20').thenEvents();
    expect(events.map((e) => e.type)).toEqual(['PenaltyCaseOpened', 'SummaryPenaltyDecided', 'DecisionServed']);
    const served = events[2];
    if (served?.type !== 'DecisionServed') throw new Error('expected DecisionServed');
    expect(served.payload.schedule).toEqual([{ dueOn: calendar.addCalendarDays('2026-11-20', 15).date, amountFen: 300_000 }]);
    // 2026-12-05 is a Saturday: a period ending on a rest day ends on the next working day
    expect(served.payload.schedule[0]?.dueOn).toBe('2026-12-07');
  });

  it('refuses an organisation fine above 3,000 yuan, naming the rule and its source', () => {
    const refusal = given([]).when(summary(organisation, 3000.01), '2026-11-20').thenRefused('SUMMARY_THRESHOLD_EXCEEDED');
    expect(refusal.message).toContain('第五十一条');
    expect(refusal.details).toMatchObject({ thresholdFen: 300_000, fineFen: 300_001 });
  });

  it('refuses a citizen fine above 200 yuan but accepts exactly 200', () => {
    given([]).when(summary(citizen, 201), '2026-11-20').thenRefused('SUMMARY_THRESHOLD_EXCEEDED');
    expect(given([]).when(summary(citizen, 200), '2026-11-20').thenEvents()).toHaveLength(3);
  });

  it('closes a warning-only decision at once', () => {
    const events = given([])
      .when({ ...summary(citizen, 0), penalty: { kind: 'warning' } }, '2026-11-20')
      .thenEvents();
    expect(events.at(-1)).toMatchObject({ type: 'CaseClosed', payload: { outcome: 'warning_only' } });
  });

  it('refuses a decision dated in the future', () => {
    given([])
      .when(summary(citizen, 100, '2026-11-21'), '2026-11-20')
      .thenRefused('ACT_DATE_IN_FUTURE');
  });

  it('records the rule set the case ran under, with each legal source', () => {
    const [opened] = given([]).when(summary(citizen, 100), '2026-11-20').thenEvents();
    if (opened?.type !== 'PenaltyCaseOpened') throw new Error('expected PenaltyCaseOpened');
    expect(opened.payload.rules).toMatchObject({
      resolvedOn: '2026-11-20',
      summaryFineMax: { effectiveFrom: '2021-07-15', value: { citizen: 20_000, organisation: 300_000 } },
      payment: { value: { unit: 'days', count: 15 } },
    });
  });
});
