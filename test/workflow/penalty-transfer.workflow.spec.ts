import { Worker } from '@temporalio/worker';
import { createPublishActivities } from '@qts/activities';
import { PENALTY_CASE_TYPE, WorkingDayCalendar, addDays, transferEscalationId, type Actor } from '@qts/domain';
import { buildCalendarSnapshot } from '@qts/holiday-calendar';
import { timeSkippingSuite } from '../support/time-skipping';
import { RecordingPublisher } from '../support/recording-publisher';
import { RecordingDocuments } from '../support/escalation-recording-documents';
import { escalationHandle } from '../support/escalation-harness';
import { recordHistoryIfAsked, skipTo, startCase, todayIn, resultOf } from '../support/workflow-harness';
import { waitUntil } from '../support/stack';
import { filingTeam } from '../support/penalty-given-when-then';

const officer: Actor = { id: 'officer-li', role: 'officer' };
const head: Actor = { id: 'head-wang', role: 'bureau_head' };

const suite = timeSkippingSuite();

/** 移送公安: the penalty case starts a police escalation as its child and waits for the answer. */
async function transferredCase(taskQueue: string) {
  const d0 = await todayIn(suite.env);
  const c = await startCase(
    suite.env,
    taskQueue,
    {
      type: 'RegisterLead',
      section: 'quality',
      title: '生产假冒伪劣产品',
      party: { kind: 'organisation', name: '某厂' },
      discoveredOn: d0,
      leadSource: 'sampling',
      summary: '抽检不合格，货值巨大',
    },
    officer,
  );
  await c.send({ type: 'DecideFiling', decision: 'file', decidedOn: d0, reason: '立案', ...filingTeam }, head);
  const filedDue = (await c.state()).deadlines['decision']?.due ?? '';
  await expect(
    c.send({ type: 'TransferToPolice', decidedOn: d0, grounds: '货值金额五万元以上，涉嫌生产、销售伪劣产品罪' }, officer),
  ).rejects.toThrow();
  await c.send({ type: 'TransferToPolice', decidedOn: d0, grounds: '货值金额五万元以上，涉嫌生产、销售伪劣产品罪' }, head);
  const escalation = escalationHandle(suite.env, transferEscalationId(c.caseId));
  const opened = await waitUntil('the child escalation', async () => {
    try {
      return await escalation.state();
    } catch {
      return undefined;
    }
  });
  expect(opened.parent).toEqual({ workflowId: c.caseId, caseType: PENALTY_CASE_TYPE });
  expect((await c.state()).stage).toBe('transferred');
  await escalation.send({ type: 'SubmitEscalation', submittedOn: d0 }, head);
  await escalation.send({ type: 'RecordAcknowledgement', acknowledgedOn: d0, acknowledgedBy: '区公安分局经侦大队' }, officer);
  return { c, escalation, d0, filedDue };
}

describe('penalty case transferred to the police (parent blocked on a child escalation)', () => {
  it('continues where it stood when the police decline, with the decision clock moved by the days it waited', async () => {
    const publisher = new RecordingPublisher();
    const documents = new RecordingDocuments();
    const taskQueue = `tq-transfer-declined-${Date.now()}`;
    const worker = await Worker.create({
      connection: suite.env.nativeConnection,
      taskQueue,
      workflowBundle: suite.bundle,
      activities: { ...createPublishActivities(publisher), ...documents.activities() },
    });
    await worker.runUntil(async () => {
      const { c, escalation, d0, filedDue } = await transferredCase(taskQueue);
      await skipTo(suite.env, addDays(d0, 2));
      const answeredOn = await todayIn(suite.env);
      await escalation.send(
        {
          type: 'RecordDecision',
          decidedOn: answeredOn,
          decidedBy: '区公安分局',
          outcome: 'declined',
          reference: '公（经）不立字〔2026〕1号',
          answer: '不予立案',
        },
        officer,
      );
      const resumed = await waitUntil('the case to resume', async () => {
        const s = await c.state();
        return s.stage === 'investigation' ? s : undefined;
      });
      expect(resumed.transfer).toBeNull();
      // 90 days from filing plus the 2 days spent with the police, a period ending on a rest day moving to the next working day
      const year = Number(d0.slice(0, 4));
      const calendar = new WorkingDayCalendar(buildCalendarSnapshot({ fromYear: year - 1, toYear: year + 3, notices: [] }));
      expect(resumed.deadlines['decision']?.due).toBe(calendar.addCalendarDays(d0, 92).date);
      expect((resumed.deadlines['decision']?.due ?? '') > filedDue).toBe(true);
      // published once the workflow task that recorded it is committed (patch publish-after-commit): a moment later
      const published = await waitUntil('the answer to be published', () =>
        Promise.resolve(publisher.ofCase(c.caseId).some((e) => e.type === 'PoliceDeclinedTransfer') ? true : undefined),
      );
      expect(published).toBe(true);
      await c.handle.terminate('test over');
    });
  });

  it('closes as transferred when the police accept the case', async () => {
    const publisher = new RecordingPublisher();
    const documents = new RecordingDocuments();
    const taskQueue = `tq-transfer-accepted-${Date.now()}`;
    const worker = await Worker.create({
      connection: suite.env.nativeConnection,
      taskQueue,
      workflowBundle: suite.bundle,
      activities: { ...createPublishActivities(publisher), ...documents.activities() },
    });
    await worker.runUntil(async () => {
      const { c, escalation, d0 } = await transferredCase(taskQueue);
      await escalation.send(
        {
          type: 'RecordDecision',
          decidedOn: d0,
          decidedBy: '区公安分局',
          outcome: 'accepted_for_investigation',
          reference: '公（经）立字〔2026〕1号',
          answer: '立案侦查',
        },
        officer,
      );
      expect(await resultOf(suite.env, c.handle)).toMatchObject({ outcome: 'transferred_to_police' });
      expect(documents.of(transferEscalationId(c.caseId)).map((d) => d.toLevel.key)).toEqual(['police']);
      // the child escalation is opened in the name of the head who decided the transfer, not an invented actor
      const opened = publisher.ofCase(transferEscalationId(c.caseId)).find((e) => e.type === 'EscalationOpened');
      expect(opened?.actor).toEqual(head);
      await recordHistoryIfAsked(c.handle, 'penalty-case-transferred-accepted');
      await recordHistoryIfAsked(suite.env.client.workflow.getHandle(transferEscalationId(c.caseId)), 'escalation-police-child-accepted');
    });
  });
});
