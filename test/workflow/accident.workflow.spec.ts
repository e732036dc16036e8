import { Worker } from '@temporalio/worker';
import { createPublishActivities } from '@qts/activities';
import {
  ACCIDENT_CASE_TYPE,
  WorkingDayCalendar,
  addDays,
  reportEscalationId,
  shanghaiDate,
  type Actor,
  type AccidentOpeningCommand,
  type EventEnvelope,
} from '@qts/domain';
import { buildCalendarSnapshot } from '@qts/holiday-calendar';
import { timeSkippingSuite } from '../support/time-skipping';
import { RecordingPublisher } from '../support/recording-publisher';
import { RecordingDocuments } from '../support/escalation-recording-documents';
import { escalationHandle } from '../support/escalation-harness';
import { recordHistoryIfAsked, skipTo, startCase, todayIn, resultOf } from '../support/workflow-harness';
import { startAccident } from '../support/accident-harness';
import { waitUntil } from '../support/stack';

const officer: Actor = { id: 'officer-hu', role: 'officer' };
const chief: Actor = { id: 'chief-xu', role: 'section_chief' };
const head: Actor = { id: 'head-wang', role: 'bureau_head' };
const MINUTE = 60_000;

const suite = timeSkippingSuite();

async function worker(name: string, publisher: RecordingPublisher, documents = new RecordingDocuments()) {
  const taskQueue = `tq-accident-${name}-${Date.now()}`;
  const w = await Worker.create({
    connection: suite.env.nativeConnection,
    taskQueue,
    workflowBundle: suite.bundle,
    activities: { ...createPublishActivities(publisher), ...documents.activities() },
  });
  return { w, taskQueue, documents };
}

/** The refusal's code and message, from the failure the Update answers with. */
async function refusal(sent: Promise<unknown>): Promise<{ type?: string; message?: string }> {
  try {
    await sent;
  } catch (err) {
    const cause = (err as { cause?: { type?: string; message?: string } }).cause;
    return { type: cause?.type, message: cause?.message };
  }
  throw new Error('expected the command to be refused');
}

/** Officers whose 执法证 is valid a year either side of `day` (the server's clock is wherever earlier tests left it). */
function certifiedAround(day: string, ...ids: string[]) {
  return ids.map((id, i) => ({
    id,
    name: id,
    certificate: { number: `CERT-${i + 1}`, validFrom: addDays(day, -365), validTo: addDays(day, 365) },
  }));
}

const iso = (ms: number) => new Date(ms).toISOString();
const now = () => suite.env.currentTimeMs();

function notices(publisher: RecordingPublisher, caseId: string, kind: string): EventEnvelope[] {
  return publisher.ofCase(caseId).filter((e) => e.type === 'EscalationNoticeRaised' && e.payload['deadlineKind'] === kind);
}

function lift(at: number): AccidentOpeningCommand {
  return {
    type: 'ReceiveAccidentReport',
    reportId: `R-12365-${at}`,
    kind: 'special_equipment',
    source: 'hotline_12365',
    occurredAt: iso(at - 150 * MINUTE),
    receivedAt: iso(at - MINUTE),
    place: '某小区3号楼',
    casualties: { deaths: 0, seriousInjuries: 0, minorInjuries: 0 },
    equipmentEvents: [{ kind: 'lift_car_trapped', hours: 2.2, people: 2 }],
    equipment: { registrationCode: '31104403002015000123', equipmentType: '曳引驱动乘客电梯' },
    reporter: { name: '物业公司值班员' },
    summary: '电梯轿厢困人2.2小时',
    section: 'special_equipment',
  };
}

function product(at: number): AccidentOpeningCommand {
  return {
    type: 'ReceiveAccidentReport',
    reportId: `R-12315-${at}`,
    kind: 'product_quality',
    source: 'hotline_12315',
    occurredAt: iso(at - 30 * MINUTE),
    receivedAt: iso(at - MINUTE),
    place: '某区某街道居民家中',
    casualties: { deaths: 0, seriousInjuries: 1, minorInjuries: 0 },
    directLossYuan: 20000,
    product: { name: '某牌压力锅', producer: '某厨具有限公司' },
    reporter: { name: '李四' },
    summary: '压力锅锅盖飞出，一人重伤',
    section: 'quality',
  };
}

/** Received, triaged as a product accident the district leads, reported to the district government on time. */
async function districtLedProduct(taskQueue: string) {
  const t0 = await now();
  const c = await startAccident(suite.env, taskQueue, product(t0), officer);
  const d0 = await todayIn(suite.env);
  await c.send({ type: 'TriageAccident', triagedOn: d0, decision: 'accident', reasons: '产品缺陷致人重伤' }, officer);
  await c.send(
    {
      type: 'ReportUpward',
      to: 'district_government',
      reportedAt: iso((await now()) - MINUTE),
      reportedBy: '陈',
      content: '电话报告区政府',
    },
    officer,
  );
  return { c, d0 };
}

describe('accident workflow on the time-skipping server', () => {
  it('lift accident (一般, trapped ≥ 2 h): the superior report runs late (notices at their instants), goes up as a child escalation, the city leads', async () => {
    const publisher = new RecordingPublisher();
    const { w, taskQueue } = await worker('lift', publisher);
    await w.runUntil(async () => {
      const t0 = await now();
      const c = await startAccident(suite.env, taskQueue, lift(t0), officer);
      const d0 = await todayIn(suite.env);
      await c.send({ type: 'TriageAccident', triagedOn: d0, decision: 'accident', reasons: '电梯轿厢滞留人员2小时以上' }, officer);
      const triaged = await c.state();
      expect([triaged.grade, triaged.lead]).toEqual(['general', 'city_department']);
      await c.send(
        {
          type: 'ReportUpward',
          to: 'district_government',
          reportedAt: iso((await now()) - MINUTE),
          reportedBy: '胡军',
          content: '电话报告',
        },
        officer,
      );

      const limit = triaged.hourLimits['report:superior_department'];
      if (!limit) throw new Error('the superior report must be owed');
      expect(Date.parse(limit.dueAt)).toBe(t0 - MINUTE + 2 * 60 * MINUTE);

      // 30 minutes before the limit: the chief is warned; at the limit: missed; an hour later: the head
      await suite.env.sleep(Date.parse(limit.warnAt) + MINUTE - (await now()));
      const warned = await waitUntil('the warning', () => {
        const n = notices(publisher, c.caseId, 'report:superior_department');
        return Promise.resolve(n.length === 1 ? n : undefined);
      });
      expect(warned[0]?.payload).toMatchObject({ level: 'approaching', recipientRole: 'section_chief' });
      // the timer fires at the instant (the workflow task runs a few milliseconds after it)
      const warnedAt = Date.parse(warned[0]?.occurredAt ?? '');
      expect(warnedAt - Date.parse(limit.warnAt)).toBeGreaterThanOrEqual(0);
      expect(warnedAt - Date.parse(limit.warnAt)).toBeLessThan(MINUTE);
      await suite.env.sleep(Date.parse(limit.headAt) + MINUTE - (await now()));
      const all = await waitUntil('the missed notices', () => {
        const n = notices(publisher, c.caseId, 'report:superior_department');
        return Promise.resolve(n.length === 3 ? n : undefined);
      });
      expect(all.map((n) => [n.payload['level'], n.payload['recipientRole']])).toEqual([
        ['approaching', 'section_chief'],
        ['missed', 'section_chief'],
        ['missed', 'bureau_head'],
      ]);
      // each raised at its instant (within the minute the timer's workflow task takes)
      const lag = all.map((n, i) => Date.parse(n.occurredAt) - Date.parse([limit.warnAt, limit.dueAt, limit.headAt][i] ?? ''));
      expect(lag.every((ms) => ms >= 0 && ms < MINUTE)).toBe(true);
      // nothing more for the district government's report, made in time
      expect(notices(publisher, c.caseId, 'report:district_government')).toEqual([]);

      await c.send(
        {
          type: 'ReportUpward',
          to: 'superior_department',
          reportedAt: iso((await now()) - MINUTE),
          reportedBy: '胡军',
          content: '书面报告市局',
        },
        officer,
      );
      const reported = await c.state();
      expect(reported.reports.find((r) => r.to === 'superior_department')).toMatchObject({
        late: true,
        escalationId: reportEscalationId(c.caseId),
      });
      const escalation = escalationHandle(suite.env, reportEscalationId(c.caseId));
      const opened = await waitUntil('the child escalation', async () => {
        try {
          return await escalation.state();
        } catch {
          return undefined;
        }
      });
      expect(opened.parent).toEqual({ workflowId: c.caseId, caseType: ACCIDENT_CASE_TYPE });
      expect(opened.target).toEqual({ kind: 'city_bureau' });
      const d1 = await todayIn(suite.env);
      await escalation.send({ type: 'SubmitEscalation', submittedOn: d1 }, head);
      await escalation.send({ type: 'RecordAcknowledgement', acknowledgedOn: d1, acknowledgedBy: '市局特种设备处' }, officer);
      await escalation.send(
        {
          type: 'RecordDecision',
          decidedOn: d1,
          decidedBy: '市市场监管局',
          outcome: 'approved',
          reference: '市监特〔2026〕1号',
          answer: '市局组织调查，区局派员参加',
        },
        officer,
      );
      await waitUntil('the answer on the accident', () =>
        Promise.resolve(publisher.ofCase(c.caseId).find((e) => e.type === 'ReportEscalationAnswered')),
      );

      // as a team member: the city's requests and its report
      await c.send({ type: 'RecordLeadBodyAct', act: 'request', on: d1, text: '市局要求区局封存电梯、调取维保记录' }, officer);
      expect(
        await refusal(c.send({ type: 'SecureSite', securedAt: iso((await now()) - MINUTE), measures: '停用' }, officer)),
      ).toMatchObject({
        type: 'NOT_LEAD_BODY',
        message: expect.stringContaining('第七十二条') as string,
      });
      await c.send(
        {
          type: 'RecordLeadBodyAct',
          act: 'report',
          on: d1,
          reference: '市监特调〔2026〕1号',
          text: '原因：制动器失效；维保单位负主要责任',
        },
        officer,
      );
      await c.send(
        {
          type: 'RecordOutcome',
          outcomeId: 'R1',
          outcome: 'rectification',
          recordedOn: d1,
          description: '使用单位更换制动器',
          verifyBy: addDays(d1, 30),
        },
        officer,
      );
      await c.send({ type: 'CloseOutcome', outcomeId: 'R1', closedOn: d1, result: 'closed', note: '复查合格' }, officer);
      await c.send({ type: 'CloseAccident', closedOn: d1, summary: '市局调查结束，整改复查合格' }, chief);
      await resultOf(suite.env, c.handle);
      expect((await c.state()).phase).toBe('closed');
      await recordHistoryIfAsked(c.handle, 'accident-lift-city-led');
    });
  });

  it('product accident led by the district: appraisal stops the clock, report, review, approval, a penalty case and a recall handed on', async () => {
    const publisher = new RecordingPublisher();
    const { w, taskQueue } = await worker('product', publisher);
    await w.runUntil(async () => {
      const { c, d0 } = await districtLedProduct(taskQueue);
      expect((await c.state()).lead).toBe('district_bureau');
      await c.send({ type: 'SecureSite', securedAt: iso((await now()) - MINUTE), measures: '封存同批次产品' }, officer);
      await c.send(
        {
          type: 'FormInvestigationTeam',
          formedOn: d0,
          officerIds: ['officer-chen', 'officer-yang'],
          officers: certifiedAround(d0, 'officer-chen', 'officer-yang'),
        },
        chief,
      );
      await c.send({ type: 'RecordAccidentEvidence', collectedOn: d0, description: '现场勘验笔录' }, officer);
      await c.send({ type: 'StartAppraisal', startedOn: d0, appraisal: 'technical_appraisal', agency: '省产品质量检验研究院' }, officer);
      expect((await c.state()).deadlines['investigation_report']).toBeUndefined();
      await skipTo(suite.env, addDays(d0, 10));
      const d10 = await todayIn(suite.env);
      await c.send({ type: 'FinishAppraisal', finishedOn: d10, conclusion: '锁紧装置设计缺陷' }, officer);
      const year = Number(d0.slice(0, 4));
      const calendar = new WorkingDayCalendar(buildCalendarSnapshot({ fromYear: year - 1, toYear: year + 3, notices: [] }));
      const occurredOn = (await c.state()).occurredOn ?? '';
      expect((await c.state()).deadlines['investigation_report']?.due).toBe(calendar.addCalendarDays(occurredOn, 70).date);

      await c.send(
        {
          type: 'SubmitInvestigationReport',
          submittedOn: d10,
          cause: '锁紧装置设计缺陷',
          liabilities: [{ party: '某厨具有限公司', share: 'full' }],
          rectificationOpinions: '召回同批次产品',
        },
        officer,
      );
      await c.send({ type: 'RecordCollectiveReview', reviewedOn: d10, conclusion: 'passed', minutes: '局务会审议通过' }, head);
      expect((await c.state()).deadlines['approval']?.due).toBe(calendar.addCalendarDays(d10, 15).date);
      await c.send({ type: 'RecordApproval', approvedOn: d10, approvedBy: '区人民政府', reference: '区政批〔2026〕3号' }, officer);

      const penalty = await startCase(
        suite.env,
        taskQueue,
        {
          type: 'RegisterLead',
          section: 'quality',
          title: '生产不符合安全标准的压力锅',
          party: { kind: 'organisation', name: '某厨具有限公司' },
          discoveredOn: d10,
          leadSource: 'referral',
          summary: '事故调查移送',
        },
        officer,
      );
      await c.send(
        {
          type: 'RecordOutcome',
          outcomeId: 'P1',
          outcome: 'penalty_case',
          recordedOn: d10,
          description: '立案查处生产企业',
          linkedId: penalty.caseId,
        },
        officer,
      );
      await c.send(
        {
          type: 'RecordOutcome',
          outcomeId: 'C1',
          outcome: 'recall',
          recordedOn: d10,
          description: '责令召回同批次产品',
          linkedId: 'RECALL-pending-1',
        },
        officer,
      );
      expect(await refusal(c.send({ type: 'CloseAccident', closedOn: d10, summary: '结案' }, chief))).toMatchObject({
        type: 'OUTCOMES_OPEN',
        message: expect.stringContaining('P1') as string,
      });
      await c.send({ type: 'CloseOutcome', outcomeId: 'P1', closedOn: d10, result: 'handed_on', note: '移交处罚案件办理' }, officer);
      await c.send({ type: 'CloseOutcome', outcomeId: 'C1', closedOn: d10, result: 'handed_on', note: '移交召回程序' }, officer);
      await c.send({ type: 'CloseAccident', closedOn: d10, summary: '处罚、召回已移交' }, chief);
      await resultOf(suite.env, c.handle);
      const closed = await c.state();
      expect(closed.outcomes.map((o) => [o.outcome, o.linkedId, o.status])).toEqual([
        ['penalty_case', penalty.caseId, 'handed_on'],
        ['recall', 'RECALL-pending-1', 'handed_on'],
      ]);
      expect((await penalty.state()).stage).toBe('lead');
      await penalty.handle.terminate('test over');
      await recordHistoryIfAsked(c.handle, 'accident-product-district-led');
    });
  });

  it('an investigation running late raises every notice on its day: warned, missed, reminders, the head', async () => {
    const publisher = new RecordingPublisher();
    const { w, taskQueue } = await worker('late', publisher);
    await w.runUntil(async () => {
      const { c } = await districtLedProduct(taskQueue);
      const d = (await c.state()).deadlines['investigation_report'];
      if (!d?.warnOn || !d.bureauHeadOn) throw new Error('the investigation deadline must escalate');
      const expected = [
        ['approaching', 'section_chief', d.warnOn],
        ['missed', 'section_chief', addDays(d.due, 1)],
        ...(d.reminderOn ?? []).map((on) => ['missed', 'section_chief', on]),
        ['missed', 'bureau_head', addDays(d.bureauHeadOn, 1)],
      ];
      expect(expected.length).toBeGreaterThanOrEqual(4);
      await skipTo(suite.env, addDays(d.bureauHeadOn, 2));
      const raised = await waitUntil('every notice', () => {
        const n = notices(publisher, c.caseId, 'investigation_report');
        return Promise.resolve(n.some((x) => x.payload['recipientRole'] === 'bureau_head') ? n : undefined);
      });
      expect(raised.map((n) => [n.payload['level'], n.payload['recipientRole'], shanghaiDate(Date.parse(n.occurredAt))])).toEqual(expected);
      expect((await c.state()).phase).toBe('open');
      await c.handle.terminate('test over');
    });
  }, 600_000);
});
