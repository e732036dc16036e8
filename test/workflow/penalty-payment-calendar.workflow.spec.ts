import { buildCalendarSnapshot, statutoryHolidays } from '@qts/holiday-calendar';
import { addDays, yuan, type Actor, type StateCouncilNotice } from '@qts/domain';
import { calendarUpdatedSignal } from '@qts/workflows';
import { timeSkippingSuite } from '../support/time-skipping';
import { RecordingPublisher } from '../support/recording-publisher';
import { newWorker, recordHistoryIfAsked, startCase, todayIn } from '../support/workflow-harness';

const officer: Actor = { id: 'officer-li', role: 'officer' };

const suite = timeSkippingSuite();

/**
 * A made-up notice (test fixture, not a real arrangement) for `day`'s year: the statutory holidays, plus a rest block
 * covering `day` and the two days after it.
 */
function noticeMaking(day: string): StateCouncilNotice {
  const year = Number(day.slice(0, 4));
  return {
    year,
    title: `国务院办公厅关于${year}年部分节假日安排的通知`,
    documentNo: '（test fixture）',
    holidays: [
      ...statutoryHolidays(year).map((h) => ({ name: h.name, from: h.date, to: h.date })),
      { name: '测试假日', from: day, to: addDays(day, 2) },
    ],
    workdays: [],
  };
}

describe('a case awaiting payment takes a newly loaded State Council calendar', () => {
  it('a holiday on the day the litigation period ends moves the appeal end, enforcement opening and court window', async () => {
    const publisher = new RecordingPublisher();
    const taskQueue = `tq-payment-calendar-${Date.now()}`;
    const worker = await newWorker(suite.env, suite.bundle, taskQueue, publisher);
    await worker.runUntil(async () => {
      const today = await todayIn(suite.env);
      const c = await startCase(
        suite.env,
        taskQueue,
        {
          type: 'OpenSummaryCase',
          section: 'quality',
          title: '产品标识不符合规定',
          party: { kind: 'organisation', name: '某食品包装厂' },
          violationDate: today,
          decidedOn: today,
          provisionId: 'product-quality-law-art54',
          penalty: { kind: 'fine', fineFen: yuan(3000) },
        },
        officer,
      );
      const before = await c.state();
      expect(before.stage).toBe('payment');
      const appealEnd = before.deadlines['appeal_periods']?.due ?? '';
      expect(appealEnd > today).toBe(true);

      const year = Number(today.slice(0, 4));
      const snapshot = buildCalendarSnapshot({ fromYear: year - 1, toYear: year + 3, notices: [noticeMaking(appealEnd)] });
      await c.handle.signal(calendarUpdatedSignal, snapshot);
      // the signal is taken once the case answers a query after it
      await c.state();
      await recordHistoryIfAsked(c.handle, process.env['RECORD_HISTORY_NAME'] ?? 'penalty-case-payment-calendar-signal');
    });
  });
});
