import { addDays, yuan, type Actor, type PenaltyOpeningCommand } from '@qts/domain';
import { timeSkippingSuite } from '../support/time-skipping';
import { RecordingPublisher } from '../support/recording-publisher';
import { newWorker, recordHistoryIfAsked, skipTo, startCase, todayIn, resultOf } from '../support/workflow-harness';

const officer: Actor = { id: 'officer-li', role: 'officer' };
const head: Actor = { id: 'head-wang', role: 'bureau_head' };

const suite = timeSkippingSuite();

const summaryFine = (today: string): PenaltyOpeningCommand => ({
  type: 'OpenSummaryCase',
  section: 'quality',
  title: '产品标识不符合规定',
  party: { kind: 'organisation', name: '某食品包装厂' },
  violationDate: today,
  decidedOn: today,
  provisionId: 'product-quality-law-art54',
  penalty: { kind: 'fine', fineFen: yuan(3000) },
});

describe('penalty case workflow: the payment day is a late day (税收征收管理法实施细则 第七十五条, nearest rule)', () => {
  it('the fine alone paid on the first late day leaves that day’s fee; paying the quote for a day settles it exactly', async () => {
    const publisher = new RecordingPublisher();
    const taskQueue = `tq-late-payment-${Date.now()}`;
    const worker = await newWorker(suite.env, suite.bundle, taskQueue, publisher);
    await worker.runUntil(async () => {
      const c = await startCase(suite.env, taskQueue, summaryFine(await todayIn(suite.env)), officer);
      const dueOn = (await c.state()).schedule[0]?.dueOn ?? '';
      const firstLateDay = addDays(dueOn, 1);
      await skipTo(suite.env, firstLateDay);

      await c.send({ type: 'RecordPayment', paidOn: firstLateDay, amountFen: yuan(3000), reference: 'R-1', channel: 'officer' }, officer);
      expect((await c.state()).stage).toBe('payment');
      const quote = await c.amountDue(firstLateDay);
      expect(quote).toMatchObject({ daysLate: 1, accrualDays: 1, lateFeeFen: yuan(90), totalDueFen: yuan(90) });
      expect(quote?.rule.sources.days).toContain('第七十五条');

      await c.send(
        { type: 'RecordPayment', paidOn: firstLateDay, amountFen: quote?.totalDueFen ?? 0, reference: 'R-2', channel: 'officer' },
        officer,
      );
      expect(await resultOf(suite.env, c.handle)).toMatchObject({ outcome: 'paid' });
      const closed = publisher.ofCase(c.caseId).find((e) => e.type === 'CaseClosed');
      expect(closed?.payload).toMatchObject({ overpaidFen: 0 });
      await recordHistoryIfAsked(c.handle, 'penalty-case-late-payment-day');
    });
  });

  it('a deferral approved two days late keeps those days’ fee (行政强制法 第四十二条); the head waives it by its own decision', async () => {
    const publisher = new RecordingPublisher();
    const taskQueue = `tq-deferral-fee-${Date.now()}`;
    const worker = await newWorker(suite.env, suite.bundle, taskQueue, publisher);
    await worker.runUntil(async () => {
      const c = await startCase(suite.env, taskQueue, summaryFine(await todayIn(suite.env)), officer);
      const dueOn = (await c.state()).schedule[0]?.dueOn ?? '';
      const approvedOn = addDays(dueOn, 2);
      await skipTo(suite.env, approvedOn);
      const newDueOn = addDays(approvedOn, 30);
      await c.send({ type: 'ApproveDeferral', approvedOn, newDueOn, reason: '经营困难' }, head);
      expect(await c.amountDue(newDueOn)).toMatchObject({ lateFeeFen: yuan(180), principalOutstandingFen: yuan(3000) });

      await skipTo(suite.env, newDueOn);
      await c.send({ type: 'RecordPayment', paidOn: newDueOn, amountFen: yuan(3000), reference: 'R-1', channel: 'officer' }, officer);
      expect((await c.state()).stage).toBe('payment');
      await c.send({ type: 'ReduceLateFee', decidedOn: newDueOn, reducedFen: yuan(180), reason: '当事人已整改' }, head);
      expect(await resultOf(suite.env, c.handle)).toMatchObject({ outcome: 'paid' });
      expect(publisher.ofCase(c.caseId).map((e) => e.type)).toEqual(
        expect.arrayContaining(['PaymentDeferred', 'LateFeeReduced', 'CaseClosed']),
      );
    });
  });
});
