import { addDays, shanghaiDate, type Actor } from '@qts/domain';
import { timeSkippingSuite } from '../support/time-skipping';
import { RecordingPublisher } from '../support/recording-publisher';
import { recordHistoryIfAsked, skipTo, todayIn } from '../support/workflow-harness';
import { defectSignal as signal, newRecallWorker, startRecall } from '../support/recall-harness';
import { RecordingOutbound } from '../support/recording-outbound';

const officer: Actor = { id: 'officer-li', role: 'officer' };
const producerGateway: Actor = { id: 'system', role: 'system' };

/**
 * On its own time-skipping server: a test that skips months must not share the server's clock and locks with the
 * workflows other tests leave behind (test/workflow/recall.workflow.spec.ts).
 */
const suite = timeSkippingSuite();

describe('recall workflow on the time-skipping server: a silent producer', () => {
  it('a producer who stops reporting: stall notice, then missed → chief, reminders, then the head, each on its day', async () => {
    const publisher = new RecordingPublisher();
    const outbound = new RecordingOutbound();
    const taskQueue = `tq-recall-silent-${Date.now()}`;
    const worker = await newRecallWorker(suite.env, suite.bundle, taskQueue, publisher, outbound);
    await worker.runUntil(async () => {
      const d0 = await todayIn(suite.env);
      const r = await startRecall(suite.env, taskQueue, signal(d0, 'consumer_goods'), officer);
      await r.send({ type: 'StartDefectInvestigation', startedOn: d0, mode: 'district', note: '调查' }, officer);
      await r.send({ type: 'NotifyProducer', notifiedOn: d0, findings: '缺陷', notifiedBy: '省市场监管局' }, officer);
      await r.send(
        {
          type: 'FileRecallPlan',
          filedOn: d0,
          unitsAffected: 1000,
          remedy: 'refund',
          plannedCompletionOn: addDays(d0, 400),
          measures: '退货',
        },
        officer,
      );
      await r.send({ type: 'PublishRecall', publishedOn: d0, checkLevel: 'C', channel: '省局网站' }, officer);
      // one weak report (2%: below the 80% target, gaining less than 5 points) and then silence
      await r.send({ type: 'SubmitProgressReport', reportedOn: d0, unitsNotified: 100, unitsRemedied: 20 }, producerGateway);
      const due = (await r.state()).deadlines['progress_report'];
      if (!due?.bureauHeadOn || !due.reminderOn) throw new Error('progress reports escalate with reminders');
      await skipTo(suite.env, addDays(due.bureauHeadOn, 3));

      const notices = publisher.ofCase(r.caseId).filter((e) => e.type === 'EscalationNoticeRaised');
      const raised = notices.map((e) => [e.payload['deadlineKind'], e.payload['recipientRole'], shanghaiDate(Date.parse(e.occurredAt))]);
      expect(raised).toEqual([
        ['completion_stalled', 'section_chief', d0],
        ['progress_report', 'section_chief', addDays(due.due, 1)],
        ...due.reminderOn.map((on) => ['progress_report', 'section_chief', on]),
        ['progress_report', 'bureau_head', addDays(due.bureauHeadOn, 1)],
      ]);
      expect(due.reminderOn.length).toBeGreaterThan(0);
      expect(notices[1]?.payload['message']).toContain('催报');
      expect(publisher.notices.filter((n) => n.caseId === r.caseId)).toHaveLength(notices.length);
      await recordHistoryIfAsked(r.handle, 'recall-producer-silent');
      await r.handle.terminate('test done');
    });
  });
});
