import { buildCalendarSnapshot } from '@qts/holiday-calendar';
import type { Actor, PenaltyState } from '@qts/domain';
import { calendarUpdatedSignal } from '@qts/workflows';
import { timeSkippingSuite } from '../support/time-skipping';
import { RecordingPublisher } from '../support/recording-publisher';
import { newWorker, recordHistoryIfAsked, startCase, todayIn } from '../support/workflow-harness';
import { NOTICE_2027 } from '../support/calendar-fixtures';
import { filingTeam } from '../support/penalty-given-when-then';

const officer: Actor = { id: 'officer-li', role: 'officer' };
const head: Actor = { id: 'head-wang', role: 'bureau_head' };

const suite = timeSkippingSuite();

describe('a running case takes a newly loaded State Council calendar', () => {
  it('its provisional decision deadline is computed again and becomes firm, once', async () => {
    const today = await todayIn(suite.env);
    // the made-up notice is for 2027: this test means something while the decision limit of a case filed today
    // ends in 2027 on a calendar that stops at 2026 (chinese-days' horizon when this was written)
    const publisher = new RecordingPublisher();
    const taskQueue = `tq-calendar-${Date.now()}`;
    const worker = await newWorker(suite.env, suite.bundle, taskQueue, publisher);
    await worker.runUntil(async () => {
      const c = await startCase(
        suite.env,
        taskQueue,
        {
          type: 'RegisterLead',
          section: 'enforcement',
          title: '涉嫌生产不合格产品',
          party: { kind: 'organisation', name: '某厂' },
          discoveredOn: today,
          leadSource: 'inspection',
          summary: '抽检不合格',
        },
        officer,
      );
      await c.send({ type: 'DecideFiling', decision: 'file', decidedOn: today, reason: '立案', ...filingTeam }, head);
      const before = (await c.handle.query<{ state: PenaltyState }>('penaltyState')).state.deadlines['decision'];
      expect(before?.due.startsWith('2027-')).toBe(true);
      expect(before?.provisional).toBe(true);

      const year = Number(today.slice(0, 4));
      const snapshot = buildCalendarSnapshot({ fromYear: year - 1, toYear: year + 3, notices: [NOTICE_2027] });
      await c.handle.signal(calendarUpdatedSignal, snapshot);
      const recomputed = () => publisher.events.filter((e) => e.caseId === c.handle.workflowId && e.type === 'DeadlinesRecomputed');
      for (let i = 0; i < 50 && recomputed().length === 0; i += 1) await new Promise((r) => setTimeout(r, 100));
      expect(recomputed()).toHaveLength(1);
      const after = (await c.handle.query<{ state: PenaltyState }>('penaltyState')).state.deadlines['decision'];
      expect(after).toMatchObject({ provisional: false, legalSource: before?.legalSource });

      // the same calendar again changes nothing
      await c.handle.signal(calendarUpdatedSignal, snapshot);
      await c.send(
        {
          type: 'RecordEvidence',
          kind: 'interview',
          collectedOn: today,
          officerIds: ['officer-li', 'officer-zhao'],
          description: '询问笔录',
          officers: [
            { id: 'officer-li', name: '李明', certificate: { number: '1', validFrom: '2024-01-01', validTo: '2029-12-31' } },
            { id: 'officer-zhao', name: '赵磊', certificate: { number: '2', validFrom: '2024-01-01', validTo: '2029-12-31' } },
          ],
        },
        officer,
      );
      expect(recomputed()).toHaveLength(1);
      await recordHistoryIfAsked(c.handle, 'penalty-case-calendar-recomputed');
    });
  });
});
