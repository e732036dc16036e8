import { ESCALATION_CASE_TYPE, PENALTY_CASE_TYPE, addDays, type Actor, type EscalationOpeningCommand, type IsoDate } from '@qts/domain';
import { timeSkippingSuite } from '../support/time-skipping';
import { RecordingPublisher } from '../support/recording-publisher';
import { RecordingDocuments } from '../support/escalation-recording-documents';
import { skipTo, todayIn, resultOf } from '../support/workflow-harness';
import {
  bundleEscalationWorkflows,
  escalationHandle,
  escalationInput,
  newEscalationWorker,
  startEscalation,
} from '../support/escalation-harness';
import { escalationParentWorkflow, parentProgressQuery } from './support/escalation-parent.workflow';

const officer: Actor = { id: 'officer-li', role: 'officer' };
const head: Actor = { id: 'head-wang', role: 'bureau_head' };

const suite = timeSkippingSuite(bundleEscalationWorkflows);

function opening(target: EscalationOpeningCommand['target'], openedOn: IsoDate, subject: string): EscalationOpeningCommand {
  return {
    type: 'OpenEscalation',
    target,
    subject,
    legalGround: '《中华人民共和国认证认可条例》',
    caseSummary: {
      caseId: 'PEN-test-1',
      caseType: PENALTY_CASE_TYPE,
      title: subject,
      partyName: '某认证有限公司',
      facts: '出具虚假认证结论',
    },
    section: 'standards',
    openedOn,
  };
}

describe('escalation workflow on the time-skipping server', () => {
  it('certification-body revocation: district → city → province → CNCA, the province late (reminders, then the bureau head)', async () => {
    const publisher = new RecordingPublisher();
    const documents = new RecordingDocuments();
    const taskQueue = `tq-esc-cnca-${Date.now()}`;
    const worker = await newEscalationWorker(suite.env, suite.bundle, taskQueue, publisher, documents);
    await worker.runUntil(async () => {
      const d0 = await todayIn(suite.env);
      const e = await startEscalation(suite.env, taskQueue, opening({ kind: 'cnca' }, d0, '建议撤销某认证机构批准书'), officer);
      await e.send({ type: 'SubmitEscalation', submittedOn: d0 }, head);
      await e.send({ type: 'RecordAcknowledgement', acknowledgedOn: d0, acknowledgedBy: '市质监局办公室' }, officer);
      await e.send(
        { type: 'RecordForwarding', forwardedOn: d0, forwardedBy: '市质监局', reference: '市质监〔转〕1号', opinion: '同意转报' },
        officer,
      );

      // the province does not sign for it: the clock chases
      const ack = (await e.state()).deadlines['acknowledgement:province'];
      if (!ack?.bureauHeadOn) throw new Error('the province acknowledgement must escalate');
      await skipTo(suite.env, addDays(ack.bureauHeadOn, 2));
      const notices = publisher
        .ofCase(e.escalationId)
        .filter((ev) => ev.type === 'EscalationNoticeRaised')
        .map((ev) => ev.payload);
      expect(notices).toEqual([
        expect.objectContaining({ deadlineKind: 'acknowledgement:province', recipientRole: 'section_chief', due: ack.due }),
        ...ack.reminderOn.map((): unknown =>
          expect.objectContaining({ deadlineKind: 'acknowledgement:province', recipientRole: 'section_chief' }),
        ),
        expect.objectContaining({ deadlineKind: 'acknowledgement:province', recipientRole: 'bureau_head', level: 'missed' }),
      ]);
      expect(ack.reminderOn.length).toBeGreaterThan(0);
      expect(publisher.notices.filter((n) => n.caseId === e.escalationId)).toHaveLength(notices.length);

      const d1 = await todayIn(suite.env);
      await e.send({ type: 'RecordAcknowledgement', acknowledgedOn: d1, acknowledgedBy: '省质监局认证处' }, officer);
      await e.send(
        { type: 'RecordForwarding', forwardedOn: d1, forwardedBy: '省质监局', reference: '省质监〔转〕2号', opinion: '建议撤销' },
        officer,
      );
      await e.send({ type: 'RecordAcknowledgement', acknowledgedOn: d1, acknowledgedBy: '国家认监委认证监管司' }, officer);
      await e.send(
        {
          type: 'RecordDecision',
          decidedOn: d1,
          decidedBy: '国家认监委',
          outcome: 'revoked',
          reference: '认监委决定〔2026〕1号',
          answer: '撤销批准书',
        },
        officer,
      );
      expect(await resultOf(suite.env, e.handle)).toMatchObject({ outcome: 'revoked', decidedByLevel: 'cnca', decidedOn: d1 });

      const timeline = publisher.ofCase(e.escalationId);
      expect(timeline.map((ev) => ev.seq)).toEqual(timeline.map((_, i) => i + 1));
      const acknowledged = timeline.filter((ev) => ev.type === 'EscalationAcknowledged').map((ev) => ev.payload['level']);
      expect(acknowledged).toEqual(['city_bureau', 'province', 'cnca']);
      expect(timeline.filter((ev) => ev.type === 'EscalationForwarded').map((ev) => ev.payload['level'])).toEqual([
        'city_bureau',
        'province',
      ]);
      expect(timeline.find((ev) => ev.type === 'EscalationDecided')?.payload).toMatchObject({ level: 'cnca', outcome: 'revoked' });
      expect(timeline.at(-1)).toMatchObject({ type: 'EscalationClosed', caseType: ESCALATION_CASE_TYPE });

      const docs = documents.of(e.escalationId);
      expect(docs.map((d) => [d.toLevel.key, d.via, d.submittedOn])).toEqual([
        ['city_bureau', [], d0],
        ['province', ['city_bureau'], d0],
        ['cnca', ['city_bureau', 'province'], d1],
      ]);
      expect(docs[0]).toMatchObject({
        version: 1,
        fromBureau: { bureauId: 'district-test', nameZh: '测试区质量技术监督局' },
        replyTo: { escalationId: e.escalationId, channel: 'escalations.inbound' },
      });
    });
  });

  it('a child escalation resumes its parent case when the decision arrives', async () => {
    const publisher = new RecordingPublisher();
    const documents = new RecordingDocuments();
    const taskQueue = `tq-esc-child-${Date.now()}`;
    const worker = await newEscalationWorker(suite.env, suite.bundle, taskQueue, publisher, documents);
    await worker.runUntil(async () => {
      const d0 = await todayIn(suite.env);
      const input = await escalationInput(suite.env);
      const parent = await suite.env.client.workflow.start(escalationParentWorkflow, {
        taskQueue,
        workflowId: `PARENT-${input.escalationId}`,
        args: [{ escalation: input, opening: { command: opening({ kind: 'police' }, d0, '涉嫌生产销售伪劣产品罪移送'), actor: officer } }],
      });
      // the parent has started its child once it says what it waits on
      let waitingOn: string | null = null;
      for (let i = 0; i < 100 && waitingOn === null; i++) {
        waitingOn = (await parent.query(parentProgressQuery)).waitingOn;
        if (waitingOn === null) await new Promise((r) => setTimeout(r, 50));
      }
      expect(waitingOn).toBe(input.escalationId);

      const child = escalationHandle(suite.env, input.escalationId);
      expect((await child.state()).parent).toEqual({ workflowId: parent.workflowId, caseType: 'test-parent' });
      await child.send({ type: 'SubmitEscalation', submittedOn: d0 }, head);
      await child.send({ type: 'RecordAcknowledgement', acknowledgedOn: d0, acknowledgedBy: '区公安分局经侦大队' }, officer);
      expect(await parent.query(parentProgressQuery)).toMatchObject({ continued: false, outcome: null });

      await child.send(
        {
          type: 'RecordDecision',
          decidedOn: d0,
          decidedBy: '区公安分局',
          outcome: 'accepted_for_investigation',
          reference: '立案告知书〔2026〕5号',
          answer: '决定立案侦查',
        },
        officer,
      );
      const result = await resultOf(suite.env, parent);
      expect(result).toEqual({
        waitingOn: null,
        continued: true,
        outcome: { escalationId: input.escalationId, outcome: 'accepted_for_investigation', decidedOn: d0, decidedByLevel: 'police' },
      });
      expect(await parent.query(parentProgressQuery)).toMatchObject({ continued: true });
      expect(documents.of(input.escalationId).map((d) => d.toLevel.key)).toEqual(['police']);
    });
  });
});
