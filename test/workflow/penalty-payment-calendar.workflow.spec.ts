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
      const recomputed = () => publisher.ofCase(c.caseId).filter((e) => e.type === 'DeadlinesRecomputed');
      for (let i = 0; i < 50 && recomputed().length === 0; i += 1) await new Promise((r) => setTimeout(r, 100));
      expect(recomputed()).toHaveLength(1);
      const after = await c.state();
      // the rest block covers the old end and the two days after: the period ends on the next working day at least
      const newEnd = after.deadlines['appeal_periods']?.due ?? '';
      expect(newEnd > addDays(appealEnd, 2)).toBe(true);
      expect(after.enforcementFrom).toBe(addDays(newEnd, 1));
      expect((after.courtWindowEndsOn ?? '') > (before.courtWindowEndsOn ?? '')).toBe(true);
      expect(recomputed()[0]?.payload).toMatchObject({
        enforcementFrom: after.enforcementFrom,
        courtWindowEndsOn: after.courtWindowEndsOn,
      });
      expect(recomputed()[0]?.actor.role).toBe('system');

      // the same calendar again records nothing
      await c.handle.signal(calendarUpdatedSignal, snapshot);
      await c.state();
      expect(recomputed()).toHaveLength(1);
      await recordHistoryIfAsked(c.handle, process.env['RECORD_HISTORY_NAME'] ?? 'penalty-case-payment-calendar-signal');
    });
  });
});
