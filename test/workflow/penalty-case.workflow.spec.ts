import { WorkflowUpdateFailedError } from '@temporalio/client';
import { addDays, yuan, type Actor } from '@qts/domain';
import { timeSkippingSuite } from '../support/time-skipping';
import { RecordingPublisher } from '../support/recording-publisher';
import { newWorker, recordHistoryIfAsked, skipTo, startCase, todayIn, resultOf } from '../support/workflow-harness';
import { certified, filingTeam } from '../support/penalty-given-when-then';

const officer: Actor = { id: 'officer-li', role: 'officer' };
const head: Actor = { id: 'head-wang', role: 'bureau_head' };
const committee: Actor = { id: 'committee', role: 'case_review_committee' };

const suite = timeSkippingSuite();

describe('penalty case workflow on the time-skipping server', () => {
  it('unpaid: late fee runs to its cap, enforcement opens after the appeal periods, demand notice, then the court', async () => {
    const publisher = new RecordingPublisher();
    const taskQueue = `tq-unpaid-${Date.now()}`;
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
      const served = await c.state();
      expect(served.stage).toBe('payment');
      const enforcementFrom = served.enforcementFrom ?? '';
      const windowEnd = served.courtWindowEndsOn ?? '';
      // the later of 60 days and 6 months, then the 3-month window: all from policy and calendar
      expect(enforcementFrom > addDays(today, 180)).toBe(true);

      await skipTo(suite.env, enforcementFrom);
      const opened = await c.state();
      expect(opened.stage).toBe('enforcement');
      const due = await c.amountDue();
      expect(due).toMatchObject({ fineFen: yuan(3000), lateFeeFen: yuan(3000), lateFeeCapped: true, totalDueFen: yuan(6000) });

      const demandBy = opened.deadlines['demand_notice'];
      if (!demandBy?.warnOn) throw new Error('demand notice deadline must escalate');
      await skipTo(suite.env, demandBy.warnOn);
      const warned = publisher.ofCase(c.caseId).filter((e) => e.type === 'EscalationNoticeRaised');
      expect(warned.map((e) => e.payload)).toContainEqual(
        expect.objectContaining({ deadlineKind: 'demand_notice', level: 'approaching', recipientRole: 'section_chief' }),
      );
      expect(publisher.notices.map((n) => n.eventId)).toEqual(expect.arrayContaining(warned.map((w) => w.eventId)));

      const servedOn = await todayIn(suite.env);
      await c.send({ type: 'ServeDemandNotice', servedOn }, officer);
      const waitEnds = (await c.state()).enforcement?.demandWaitEndsOn ?? '';
      await expect(c.send({ type: 'ApplyToCourt', filedOn: servedOn, court: '区人民法院' }, officer)).rejects.toThrow(
        WorkflowUpdateFailedError,
      );

      await skipTo(suite.env, addDays(waitEnds, 1));
      const filedOn = await todayIn(suite.env);
      expect(filedOn <= windowEnd).toBe(true);
      await c.send({ type: 'ApplyToCourt', filedOn, court: '区人民法院' }, officer);
      const filed = publisher.ofCase(c.caseId).find((e) => e.type === 'CourtApplicationFiled');
      expect(filed?.payload).toMatchObject({ filedOn, amountDueFen: yuan(6000) });

      await c.send({ type: 'RecordCourtRuling', ruledOn: filedOn, ruling: 'enforce', reference: '(2027)执审1号' }, officer);
      expect(await resultOf(suite.env, c.handle)).toMatchObject({ outcome: 'court_ordered_enforcement' });

      const seqs = publisher.ofCase(c.caseId).map((e) => e.seq);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      await recordHistoryIfAsked(c.handle, 'penalty-case-unpaid-to-court');
    });
  });

  it('paid: general procedure from lead to payment, with a refused command changing nothing', async () => {
    const publisher = new RecordingPublisher();
    const taskQueue = `tq-paid-${Date.now()}`;
    const worker = await newWorker(suite.env, suite.bundle, taskQueue, publisher);
    await worker.runUntil(async () => {
      const d0 = await todayIn(suite.env);
      const c = await startCase(
        suite.env,
        taskQueue,
        {
          type: 'RegisterLead',
          section: 'special_equipment',
          title: '使用未经定期检验的电梯',
          party: { kind: 'organisation', name: '某物业公司' },
          discoveredOn: d0,
          leadSource: 'inspection',
          summary: '检验合格证过期',
        },
        officer,
      );
      const before = await c.handle.query('penaltyState');
      const refused = c.send({ type: 'DecideFiling', decision: 'file', decidedOn: d0, reason: '立案', ...filingTeam }, officer);
      await expect(refused).rejects.toThrow(WorkflowUpdateFailedError);
      await refused.catch((err: WorkflowUpdateFailedError) => {
        expect(err.cause?.message).toContain('局长');
      });
      expect(await c.handle.query('penaltyState')).toEqual(before);

      await c.send({ type: 'DecideFiling', decision: 'file', decidedOn: d0, reason: '立案', ...filingTeam }, head);
      await c.send(
        {
          type: 'RecordEvidence',
          kind: 'site_inspection',
          collectedOn: d0,
          officerIds: ['officer-li', 'officer-zhao'],
          description: '现场笔录',
          officers: certified('officer-li', 'officer-zhao'),
        },
        officer,
      );
      await c.send({ type: 'ConcludeInvestigation', concludedOn: d0, findings: '事实清楚' }, officer);
      await c.send({ type: 'RequestLegalReview', requestedOn: d0 }, officer);
      await c.send({ type: 'CompleteLegalReview', completedOn: d0, opinion: 'approved', comments: '同意' }, officer);
      await c.send({ type: 'ServePenaltyNotice', servedOn: d0, proposedFineFen: yuan(40_000), proposedMeasures: [] }, officer);
      const defenceEnds = (await c.state()).notice?.defenceEndsOn ?? '';
      await skipTo(suite.env, addDays(defenceEnds, 1));
      const d1 = await todayIn(suite.env);
      await c.send({ type: 'RecordCommitteeDecision', decidedOn: d1, outcome: 'penalty', minutes: '同意' }, committee);
      await c.send(
        {
          type: 'DecidePenalty',
          decidedOn: d1,
          outcome: {
            kind: 'penalty',
            violationDate: d0,
            provisionId: 'special-equipment-law-art84',
            fineFen: yuan(40_000),
            goodsValueFen: 0,
            discretion: 'lighter',
            measures: [],
          },
        },
        head,
      );
      await c.send({ type: 'ServeDecision', servedOn: d1, method: 'in_person' }, officer);
      expect((await c.amountDue(d1))?.totalDueFen).toBe(yuan(40_000));
      await c.send({ type: 'RecordPayment', paidOn: d1, amountFen: yuan(40_000), reference: 'TREAS-0001', channel: 'treasury' }, officer);
      expect(await resultOf(suite.env, c.handle)).toMatchObject({ outcome: 'paid' });
      expect(publisher.ofCase(c.caseId).at(-1)).toMatchObject({ type: 'CaseClosed', payload: { outcome: 'paid' } });
      await recordHistoryIfAsked(c.handle, 'penalty-case-general-paid');
    });
  });

  it('a filing decision left undone warns the section chief, then reports it missed, then tells the bureau head', async () => {
    const publisher = new RecordingPublisher();
    const taskQueue = `tq-notices-${Date.now()}`;
    const worker = await newWorker(suite.env, suite.bundle, taskQueue, publisher);
    await worker.runUntil(async () => {
      const d0 = await todayIn(suite.env);
      const c = await startCase(
        suite.env,
        taskQueue,
        {
          type: 'RegisterLead',
          section: 'metrology',
          title: '计量器具未检定',
          party: { kind: 'organisation', name: '某加油站' },
          discoveredOn: d0,
          leadSource: 'complaint',
          summary: '投诉',
        },
        officer,
      );
      const filing = (await c.state()).deadlines['filing_decision'];
      if (!filing?.bureauHeadOn) throw new Error('filing deadline must escalate');
      await skipTo(suite.env, addDays(filing.bureauHeadOn, 2));
      const notices = publisher
        .ofCase(c.caseId)
        .filter((e) => e.type === 'EscalationNoticeRaised')
        .map((e) => e.payload);
      expect(notices).toEqual([
        expect.objectContaining({ deadlineKind: 'filing_decision', level: 'approaching', recipientRole: 'section_chief', due: filing.due }),
        expect.objectContaining({ deadlineKind: 'filing_decision', level: 'missed', recipientRole: 'section_chief' }),
        expect.objectContaining({ deadlineKind: 'filing_decision', level: 'missed', recipientRole: 'bureau_head' }),
      ]);
      await c.handle.terminate('test over');
    });
  });
});
