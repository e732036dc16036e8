import { buildCalendarSnapshot } from '@qts/holiday-calendar';
import type { Actor } from '@qts/domain';
import { calendarUpdatedSignal } from '@qts/workflows';
import { timeSkippingSuite } from '../support/time-skipping';
import { RecordingPublisher } from '../support/recording-publisher';
import { RecordingDocuments } from '../support/escalation-recording-documents';
import { recordHistoryIfAsked, todayIn } from '../support/workflow-harness';
import { bundleEscalationWorkflows, newEscalationWorker, startEscalation } from '../support/escalation-harness';
import { NOTICE_2027 } from '../support/calendar-fixtures';

const officer: Actor = { id: 'officer-li', role: 'officer' };
const head: Actor = { id: 'head-wang', role: 'bureau_head' };

const suite = timeSkippingSuite(bundleEscalationWorkflows);

describe('an escalation takes a newly loaded calendar', () => {
  it('keeps running on it: the next response deadline is computed on the new calendar, nothing firm is rewritten', async () => {
    const publisher = new RecordingPublisher();
    const documents = new RecordingDocuments();
    const taskQueue = `tq-esc-calendar-${Date.now()}`;
    const worker = await newEscalationWorker(suite.env, suite.bundle, taskQueue, publisher, documents);
    await worker.runUntil(async () => {
      const d0 = await todayIn(suite.env);
      const e = await startEscalation(
        suite.env,
        taskQueue,
        {
          type: 'OpenEscalation',
          target: { kind: 'city_bureau' },
          subject: '请求协查',
          legalGround: '《产品质量法》',
          caseSummary: { title: '跨区生产', partyName: '某厂', facts: '生产地在外区' },
          section: 'enforcement',
          openedOn: d0,
        },
        officer,
      );
      await e.send({ type: 'SubmitEscalation', submittedOn: d0 }, head);
      const year = Number(d0.slice(0, 4));
      await e.handle.signal(calendarUpdatedSignal, buildCalendarSnapshot({ fromYear: year - 1, toYear: year + 3, notices: [NOTICE_2027] }));
      await e.send({ type: 'RecordAcknowledgement', acknowledgedOn: d0, acknowledgedBy: '市质监局办公室' }, officer);
      const state = await e.state();
      expect(Object.values(state.deadlines).map((d) => d.phase)).toEqual(['answer']);
      const recomputedFirm = publisher.events.filter((ev) => ev.type === 'DeadlinesRecomputed');
      // a deadline that was firm before the notice is never rewritten
      for (const ev of recomputedFirm) expect(JSON.stringify(ev.payload)).not.toContain('"provisional":true');
      await recordHistoryIfAsked(e.handle, process.env['RECORD_HISTORY_NAME'] ?? 'escalation-calendar-signal');
    });
  });
});
