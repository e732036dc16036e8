import { WorkflowUpdateFailedError } from '@temporalio/client';
import { addDays, type Actor } from '@qts/domain';
import { escalationStateQuery, penaltyStateQuery } from '@qts/workflows';
import { timeSkippingSuite } from '../support/time-skipping';
import { RecordingPublisher } from '../support/recording-publisher';
import { recordHistoryIfAsked, skipTo, todayIn, resultOf } from '../support/workflow-harness';
import { defectSignal as signal, newRecallWorker, startRecall } from '../support/recall-harness';
import { RecordingOutbound } from '../support/recording-outbound';

const officer: Actor = { id: 'officer-li', role: 'officer' };
const chief: Actor = { id: 'chief-zhao', role: 'section_chief' };
const producerGateway: Actor = { id: 'system', role: 'system' };

const suite = timeSkippingSuite();

describe('recall workflow on the time-skipping server', () => {
  it('a voluntary recall runs from the signal to closure on its progress and summary reports', async () => {
    const publisher = new RecordingPublisher();
    const outbound = new RecordingOutbound();
    const taskQueue = `tq-recall-voluntary-${Date.now()}`;
    const worker = await newRecallWorker(suite.env, suite.bundle, taskQueue, publisher, outbound);
    await worker.runUntil(async () => {
      const d0 = await todayIn(suite.env);
      const r = await startRecall(suite.env, taskQueue, signal(d0, 'consumer_goods'), officer);
      await r.send({ type: 'StartDefectInvestigation', startedOn: d0, mode: 'district', note: '协助省局调查' }, officer);
      await r.send({ type: 'NotifyProducer', notifiedOn: d0, findings: '刹车缺陷', notifiedBy: '省市场监管局' }, officer);
      await r.send(
        {
          type: 'FileRecallPlan',
          filedOn: d0,
          unitsAffected: 1000,
          remedy: 'repair',
          plannedCompletionOn: addDays(d0, 200),
          measures: '免费维修',
        },
        producerGateway,
      );
      await r.send({ type: 'PublishRecall', publishedOn: d0, checkLevel: 'C', channel: '省局网站' }, officer);

      // each report arrives just before it is due: no notice is raised
      for (const remedied of [500, 900]) {
        const due = (await r.state()).deadlines['progress_report']?.due;
        if (!due) throw new Error('a progress report must be due');
        await skipTo(suite.env, addDays(due, -1));
        const on = await todayIn(suite.env);
        await r.send({ type: 'SubmitProgressReport', reportedOn: on, unitsNotified: 1000, unitsRemedied: remedied }, producerGateway);
      }
      const d1 = await todayIn(suite.env);
      await r.send(
        { type: 'SubmitSummaryReport', submittedOn: d1, completedOn: d1, unitsNotified: 1000, unitsRemedied: 950, summary: '召回完成' },
        producerGateway,
      );
      await r.send({ type: 'AssessEffectiveness', assessedOn: d1, outcome: 'effective', findings: '完成率95%' }, chief);
      expect(await resultOf(suite.env, r.handle)).toMatchObject({ outcome: 'completed' });

      const timeline = publisher.ofCase(r.caseId);
      expect(timeline.map((e) => e.seq)).toEqual(timeline.map((_, i) => i + 1));
      expect(timeline.filter((e) => e.type === 'EscalationNoticeRaised')).toEqual([]);
      expect(timeline.filter((e) => e.type === 'ProgressReported').map((e) => e.payload['completionPermille'])).toEqual([500, 900]);
      expect(timeline.filter((e) => e.type === 'ProgressReported').every((e) => e.actor.role === 'system')).toBe(true);
      expect(timeline.at(-1)).toMatchObject({ type: 'RecallClosed', caseType: 'recall', payload: { outcome: 'completed' } });
      // what the bureau must publish went out: the recall when published, and its result when closed
      expect(outbound.of(r.caseId)).toEqual([
        expect.objectContaining({
          kind: 'recall_published',
          documentId: `${r.caseId}:published`,
          checkLevel: 'C',
          leadAuthority: 'province',
        }),
        expect.objectContaining({ kind: 'recall_closed', result: { closedOn: d1, unitsRemedied: 950, completionPermille: 950 } }),
      ]);
      await recordHistoryIfAsked(r.handle, 'recall-voluntary-closed');
    });
  });

  it('an objection overruled leads to an order; a refusal starts a penalty case and an escalation; the plan still follows', async () => {
    const publisher = new RecordingPublisher();
    const outbound = new RecordingOutbound();
    const taskQueue = `tq-recall-ordered-${Date.now()}`;
    const worker = await newRecallWorker(suite.env, suite.bundle, taskQueue, publisher, outbound);
    await worker.runUntil(async () => {
      const d0 = await todayIn(suite.env);
      const r = await startRecall(suite.env, taskQueue, signal(d0, 'vehicle'), officer);
      await r.send({ type: 'StartDefectInvestigation', startedOn: d0, mode: 'reported_upward', note: '报国家市场监督管理总局' }, officer);
      await r.send({ type: 'NotifyProducer', notifiedOn: d0, findings: '安全气囊缺陷', notifiedBy: '国家市场监督管理总局' }, officer);
      const window = (await r.state()).deadlines['objection'];
      expect(window?.legalSource).toContain('第十五条');
      const early = r.send({ type: 'OrderRecall', orderedOn: d0, orderedBy: '国家市场监督管理总局', reference: '责令〔1〕号' }, officer);
      await expect(early).rejects.toThrow(WorkflowUpdateFailedError);
      await early.catch((err: WorkflowUpdateFailedError) => {
        expect(err.cause?.message).toContain('异议期');
      });
      await r.send({ type: 'RaiseObjection', raisedOn: d0, grounds: '符合国家标准' }, officer);
      if (!window) throw new Error('objection window');
      await skipTo(suite.env, addDays(window.due, 10));
      const d1 = await todayIn(suite.env);
      await r.send(
        { type: 'DecideObjection', decidedOn: d1, outcome: 'overruled', decidedBy: '国家市场监督管理总局', reasoning: '专家论证确认缺陷' },
        officer,
      );
      await r.send({ type: 'OrderRecall', orderedOn: d1, orderedBy: '国家市场监督管理总局', reference: '责令召回〔2026〕1号' }, officer);
      expect((await r.state()).stage).toBe('recall_ordered');
      await r.send({ type: 'RecordRefusal', refusedOn: d1, statement: '生产者书面表示拒不召回' }, officer);

      // the children exist, opened in the officer's name, the escalation pointing back at the recall
      const state = await r.state();
      if (!state.refusal) throw new Error('refusal recorded');
      const penalty = suite.env.client.workflow.getHandle(state.refusal.penaltyCaseId);
      const escalation = suite.env.client.workflow.getHandle(state.refusal.escalationId);
      await waitFor(async () => (await penalty.query(penaltyStateQuery)).seq > 0);
      expect((await penalty.query(penaltyStateQuery)).state).toMatchObject({
        stage: 'lead',
        section: 'enforcement',
        party: { name: '某汽车有限公司' },
      });
      expect((await escalation.query(escalationStateQuery)).state).toMatchObject({ parent: { workflowId: r.caseId, caseType: 'recall' } });

      await r.send(
        {
          type: 'FileRecallPlan',
          filedOn: d1,
          unitsAffected: 20000,
          remedy: 'replacement',
          plannedCompletionOn: addDays(d1, 300),
          measures: '更换气囊',
        },
        producerGateway,
      );
      expect((await r.state()).plan).toMatchObject({ mode: 'ordered', unitsAffected: 20000 });
      await r.send({ type: 'PublishRecall', publishedOn: d1, checkLevel: 'B', channel: '总局缺陷产品召回网站' }, officer);
      expect((await r.state()).stage).toBe('in_progress');
      const types = publisher.ofCase(r.caseId).map((e) => e.type);
      expect(types).toEqual(
        expect.arrayContaining([
          'ObjectionRaised',
          'ObjectionDecided',
          'RecallOrdered',
          'RecallRefused',
          'RecallPlanFiled',
          'RecallPublished',
        ]),
      );
      await waitFor(() => Promise.resolve(outbound.of(r.caseId).length === 1));
      expect(outbound.of(r.caseId)[0]).toMatchObject({ kind: 'recall_published', leadAuthority: 'samr', plan: { mode: 'ordered' } });
      // no activity outstanding when it ends (the test server's time skipping waits on one that never finishes)
      // ... in the children too: the escalation sends its document by an activity once its events are published
      for (const handle of [r.handle, penalty, escalation])
        await waitFor(async () => ((await handle.describe()).raw.pendingActivities ?? []).length === 0);
      await r.handle.terminate('test done');
      await penalty.terminate('test done');
      await escalation.terminate('test done');
    });
  });
});

async function waitFor(ok: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if (await ok()) return;
    } catch {
      // not started yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not met in time');
}
