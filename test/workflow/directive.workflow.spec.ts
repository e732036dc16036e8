import { Worker } from '@temporalio/worker';
import { createPublishActivities } from '@qts/activities';
import { DIRECTIVE_CASE_TYPE, addDays, type Actor } from '@qts/domain';
import { timeSkippingSuite } from '../support/time-skipping';
import { RecordingPublisher } from '../support/recording-publisher';
import { RecordingDocuments } from '../support/escalation-recording-documents';
import { escalationHandle } from '../support/escalation-harness';
import { recordHistoryIfAsked, skipTo, startCase, todayIn, resultOf } from '../support/workflow-harness';
import { waitUntil } from '../support/stack';
import { startDirective, timeline } from '../support/directive-harness';
import { directiveCommand, emergencyCommand, inspectionCommand, reinspection } from '../support/directive-fixtures';

const inspector: Actor = { id: 'officer-hu', role: 'officer', name: '胡军' };
const head: Actor = { id: 'head-wang', role: 'bureau_head' };

const suite = timeSkippingSuite();

async function worker(taskQueue: string, publisher: RecordingPublisher, documents = new RecordingDocuments()) {
  return Worker.create({
    connection: suite.env.nativeConnection,
    taskQueue,
    workflowBundle: suite.bundle,
    activities: { ...createPublishActivities(publisher), ...documents.activities() },
  });
}

describe('special-equipment safety directive (特种设备安全监察指令) on the time-skipping server', () => {
  it('normal path: inspection → written directive → report → re-inspection overdue is chased → rectified → closed', async () => {
    const publisher = new RecordingPublisher();
    const taskQueue = `tq-directive-normal-${Date.now()}`;
    await (
      await worker(taskQueue, publisher)
    ).runUntil(async () => {
      const d0 = await todayIn(suite.env);
      const c = await startDirective(suite.env, taskQueue, inspectionCommand(d0), inspector);
      await c.send(directiveCommand(d0, addDays(d0, 10)), inspector);
      await skipTo(suite.env, addDays(d0, 3));
      const reportedOn = await todayIn(suite.env);
      await c.send({ type: 'RecordRectificationReport', reportedOn, summary: '已申报定期检验并取得合格报告' }, inspector);
      const due = (await c.state()).deadlines['reinspection'];
      if (!due?.bureauHeadOn) throw new Error('no re-inspection deadline');
      // nobody re-inspects in time: the chief is told the day after it was due, the head once it is overdue
      await skipTo(suite.env, addDays(due.bureauHeadOn, 1));
      const notices = timeline(publisher.ofCase(c.caseId)).filter(([, type]) => type === 'EscalationNoticeRaised');
      expect(notices[0]).toEqual([addDays(due.due, 1), 'EscalationNoticeRaised', 'section_chief']);
      expect(notices[notices.length - 1]).toEqual([addDays(due.bureauHeadOn, 1), 'EscalationNoticeRaised', 'bureau_head']);
      await c.send(reinspection(await todayIn(suite.env), 'rectified'), inspector);
      await resultOf(suite.env, c.handle);
      expect((await c.state()).closure?.outcome).toBe('rectified');
      expect(publisher.ofCase(c.caseId).every((e) => e.caseType === DIRECTIVE_CASE_TYPE)).toBe(true);
      await recordHistoryIfAsked(c.handle, 'directive-normal-rectified');
    });
  });

  it('emergency order whose written directive comes late: inspectors, then chief, again, then head, each on its day', async () => {
    const publisher = new RecordingPublisher();
    const taskQueue = `tq-directive-emergency-${Date.now()}`;
    await (
      await worker(taskQueue, publisher)
    ).runUntil(async () => {
      const d0 = await todayIn(suite.env);
      const c = await startDirective(suite.env, taskQueue, emergencyCommand(d0, { orderedAt: `${d0}T09:00:00+08:00` }), inspector);
      const due = (await c.state()).deadlines['written-directive'];
      if (!due?.bureauHeadOn || !due.inspectorReminderOn) throw new Error('no written-directive deadline');
      await expect(
        c.send({ type: 'CloseDirective', closedOn: d0, reason: '设备报废' }, { id: 'chief-xu', role: 'section_chief' }),
      ).rejects.toHaveProperty('cause.message', expect.stringContaining('第六十二条'));
      await skipTo(suite.env, addDays(due.bureauHeadOn, 2));
      const expected: [string, string, string][] = [
        [due.inspectorReminderOn, 'InspectorReminded', ''],
        [addDays(due.due, 1), 'EscalationNoticeRaised', 'section_chief'],
        ...(due.reminderOn ?? []).map((on): [string, string, string] => [on, 'EscalationNoticeRaised', 'section_chief']),
        [addDays(due.bureauHeadOn, 1), 'EscalationNoticeRaised', 'bureau_head'],
      ];
      expect(timeline(publisher.ofCase(c.caseId)).filter(([, t]) => t !== 'EmergencyOrderRecorded')).toEqual(expected);
      expect((await c.state()).status).toBe('open');
      const issuedOn = await todayIn(suite.env);
      await c.send(directiveCommand(issuedOn, addDays(issuedOn, 7)), inspector);
      const s = await c.state();
      expect(s.deadlines['written-directive']).toBeUndefined();
      expect(s.deadlines['rectification']?.due).toBe(addDays(issuedOn, 7));
      expect(s.directive?.lateByWorkingDays).toBeGreaterThan(0);
      const issued = publisher.ofCase(c.caseId).find((e) => e.type === 'WrittenDirectiveIssued');
      expect(issued?.payload['emergencyOrder']).toEqual({ orderedOn: d0, orderedAt: `${d0}T09:00:00+08:00` });
      await recordHistoryIfAsked(c.handle, 'directive-emergency-late');
      await c.handle.terminate('test over');
    });
  });

  it('an unrectified serious hazard becomes a seal, a child escalation and a linked penalty case', async () => {
    const publisher = new RecordingPublisher();
    const documents = new RecordingDocuments();
    const taskQueue = `tq-directive-serious-${Date.now()}`;
    await (
      await worker(taskQueue, publisher, documents)
    ).runUntil(async () => {
      const d0 = await todayIn(suite.env);
      const c = await startDirective(suite.env, taskQueue, inspectionCommand(d0, { severity: 'serious_hazard' }), inspector);
      await c.send(
        { type: 'SealEquipment', sealedOn: d0, measure: 'seal', decisionNo: '查封〔2026〕9号', reason: '制动器失效' },
        inspector,
      );
      await c.send(
        { type: 'ReportSeriousHazard', reportedOn: d0, summary: '电梯制动器失效，已查封', districtGovernmentReportNo: '区报〔2026〕9号' },
        inspector,
      );
      const escalationId = (await c.state()).hazardReports[0]?.escalationId ?? '';
      const escalation = escalationHandle(suite.env, escalationId);
      const opened = await waitUntil('the child escalation', async () => {
        try {
          return await escalation.state();
        } catch {
          return undefined;
        }
      });
      expect(opened.parent).toEqual({ workflowId: c.caseId, caseType: DIRECTIVE_CASE_TYPE });
      expect(opened.target).toEqual({ kind: 'city_bureau' });
      await escalation.send({ type: 'SubmitEscalation', submittedOn: d0 }, head);
      await escalation.send(
        {
          type: 'RecordDecision',
          decidedOn: d0,
          decidedBy: '市市场监管局',
          outcome: 'approved',
          reference: '市特〔2026〕1号',
          answer: '已知悉，督促整改',
        },
        inspector,
      );
      await waitUntil('the answer on the directive', async () => ((await c.state()).hazardReports[0]?.outcome ? true : undefined));

      await c.send(directiveCommand(d0, addDays(d0, 5)), inspector);
      await skipTo(suite.env, addDays(d0, 6));
      const refusedOn = await todayIn(suite.env);
      await c.send({ type: 'RecordDirectiveRefusal', refusedOn, facts: '逾期未整改，擅自启用被查封电梯' }, inspector);
      const penalty = await startCase(
        suite.env,
        taskQueue,
        {
          type: 'RegisterLead',
          section: 'special_equipment',
          title: '拒不执行特种设备安全监察指令',
          party: { kind: 'organisation', name: '某物业管理有限公司' },
          discoveredOn: refusedOn,
          leadSource: 'inspection',
          summary: '逾期未整改',
        },
        inspector,
      );
      await c.send({ type: 'LinkPenaltyCase', penaltyCaseId: penalty.caseId, linkedOn: refusedOn }, inspector);
      // still sealed: the case stays open until the seal is released
      expect((await c.state()).status).toBe('open');
      await c.send({ type: 'ReleaseSeal', releasedOn: refusedOn, reason: '移交立案查处，设备已停用封存' }, inspector);
      await resultOf(suite.env, c.handle);
      const s = await c.state();
      expect(s.closure?.outcome).toBe('referred_to_penalty');
      expect(s.penaltyCaseId).toBe(penalty.caseId);
      expect(documents.of(escalationId).map((d) => d.toLevel.key)).toEqual(['city_bureau']);
      await recordHistoryIfAsked(c.handle, 'directive-serious-hazard-sealed-penalty');
      await penalty.handle.terminate('test over');
    });
  });
});
