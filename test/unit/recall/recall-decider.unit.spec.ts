import {
  addDays,
  caseProjections,
  nextRecallWakeUp,
  recallProcess,
  startOfShanghaiDay,
  type RecallEvent,
  type RecallEventOf,
} from '@qts/domain';
import {
  chief,
  givenRecall,
  head,
  notified,
  officer,
  published,
  recallStateFrom,
  runRecall,
  signal,
  system,
} from '../../support/recall-given-when-then';

function ofType<K extends RecallEvent['type']>(events: RecallEvent[], type: K): RecallEventOf<K>[] {
  return events.filter((e): e is RecallEventOf<K> => e.type === type);
}

describe('recall decider (缺陷产品召回)', () => {
  describe('defect signal', () => {
    it('records who leads (province for consumer goods, SAMR for vehicles) with the article, and the rule set', () => {
      const [consumer] = givenRecall([]).when(signal('2026-03-02'), '2026-03-02').thenEvents();
      if (consumer?.type !== 'DefectSignalRegistered') throw new Error('expected DefectSignalRegistered');
      expect(consumer.payload.leadAuthority).toBe('province');
      expect(consumer.payload.leadSource).toContain('第五条');
      const vehicle = givenRecall([])
        .when(signal('2026-03-02', { product: { category: 'vehicle', name: '某型轿车' } }), '2026-03-02')
        .thenEvents();
      expect(ofType(vehicle, 'DefectSignalRegistered')[0]?.payload).toMatchObject({ leadAuthority: 'samr' });
      const state = recallStateFrom(vehicle);
      expect(state.rules?.objection.value).toEqual({ unit: 'working_days', count: 15 });
      expect(state.rules?.objection.source).toContain('第十五条');
      expect(state.rules?.completionThresholdPermille.source).toContain('本局规定');
      expect(state.deadlines['investigation']).toMatchObject({ due: '2026-03-30', escalate: true });
    });

    it('links back to the accident case it came from', () => {
      const events = givenRecall([])
        .when(signal('2026-03-02', { source: 'accident', sourceCaseId: 'ACC-20260301-0000abcd' }), '2026-03-02')
        .thenEvents();
      expect(recallStateFrom(events).sourceCaseId).toBe('ACC-20260301-0000abcd');
    });

    it('a producer’s own report is checked against the reporting period (2 working days)', () => {
      const onTime = givenRecall([])
        .when(
          signal('2026-03-06', {
            source: 'producer_report',
            producerReport: { kind: 'recall_abroad', learnedOn: '2026-03-02', reportedOn: '2026-03-04' },
          }),
          '2026-03-06',
        )
        .thenEvents();
      expect(recallStateFrom(onTime).producerReportLate).toBe(false);
      const late = givenRecall([])
        .when(
          signal('2026-03-06', {
            source: 'producer_report',
            producerReport: { kind: 'serious_injury', learnedOn: '2026-03-02', reportedOn: '2026-03-05' },
          }),
          '2026-03-06',
        )
        .thenEvents();
      expect(recallStateFrom(late).producerReportLate).toBe(true);
      givenRecall([])
        .when(signal('2026-03-06', { source: 'producer_report' }), '2026-03-06')
        .thenRefused('PRODUCER_REPORT_MISSING');
    });

    it('a vehicle defect cannot be investigated by the district: it is reported upward (条例第四条)', () => {
      const history = runRecall([
        { command: signal('2026-03-02', { product: { category: 'vehicle', name: '某型轿车' } }), on: '2026-03-02' },
      ]);
      const refusal = givenRecall(history)
        .when({ type: 'StartDefectInvestigation', startedOn: '2026-03-03', mode: 'district', note: '自行调查' }, '2026-03-03')
        .thenRefused('RECALL_LED_NATIONALLY');
      expect(refusal.message).toContain('第四条');
      const upward = givenRecall(history)
        .when({ type: 'StartDefectInvestigation', startedOn: '2026-03-03', mode: 'reported_upward', note: '报总局' }, '2026-03-03')
        .thenEvents();
      const state = recallStateFrom([...history, ...upward]);
      expect(state.stage).toBe('reported_upward');
      expect(Object.keys(state.deadlines)).toEqual(['upward_answer']);
    });

    it('closing without a defect is the chief’s or the head’s decision', () => {
      const history = runRecall([{ command: signal('2026-03-02'), on: '2026-03-02' }]);
      givenRecall(history)
        .when({ type: 'CloseWithoutDefect', closedOn: '2026-03-03', reason: '复检合格' }, '2026-03-03')
        .thenRefused('ROLE_NOT_ENTITLED');
      const events = givenRecall(history)
        .when({ type: 'CloseWithoutDefect', closedOn: '2026-03-03', reason: '复检合格' }, '2026-03-03', chief)
        .thenEvents();
      expect(recallStateFrom([...history, ...events])).toMatchObject({ stage: 'closed', closure: { outcome: 'no_defect' }, deadlines: {} });
    });
  });

  describe('objection and order', () => {
    it('the objection window is 15 working days from the notice; an objection after it is refused naming 第十五条', () => {
      const vehicle = notifiedVehicle();
      const window = recallStateFrom(vehicle).deadlines['objection'];
      expect(window).toMatchObject({ due: '2026-03-25', escalate: false });
      const refusal = givenRecall(vehicle)
        .when({ type: 'RaiseObjection', raisedOn: '2026-03-26', grounds: '不存在缺陷' }, '2026-03-26')
        .thenRefused('OBJECTION_PERIOD_EXPIRED');
      expect(refusal.message).toContain('第十五条');
    });

    it('an order before the objection window ends is refused; after it, the producer has a plan-filing deadline', () => {
      const history = notified();
      givenRecall(history)
        .when({ type: 'OrderRecall', orderedOn: '2026-03-10', orderedBy: '省市场监管局', reference: '责令召回〔2026〕1号' }, '2026-03-10')
        .thenRefused('OBJECTION_PERIOD_RUNNING');
      const ordered = givenRecall(history)
        .when({ type: 'OrderRecall', orderedOn: '2026-03-26', orderedBy: '省市场监管局', reference: '责令召回〔2026〕1号' }, '2026-03-26')
        .thenEvents();
      const state = recallStateFrom([...history, ...ordered]);
      expect(state.stage).toBe('recall_ordered');
      expect(state.deadlines['plan_filing']).toMatchObject({ due: '2026-04-02', escalate: true });
      expect(state.deadlines['objection']).toBeUndefined();
    });

    it('an overruled objection confirms the defect; an upheld one closes the recall', () => {
      const objected = runRecall(
        [{ command: { type: 'RaiseObjection', raisedOn: '2026-03-10', grounds: '设计符合标准' }, on: '2026-03-10' }],
        notified(),
      );
      const overruled = givenRecall(objected)
        .when(
          {
            type: 'DecideObjection',
            decidedOn: '2026-04-10',
            outcome: 'overruled',
            decidedBy: '省市场监管局',
            reasoning: '专家论证确认缺陷',
          },
          '2026-04-10',
        )
        .thenEvents();
      expect(recallStateFrom([...objected, ...overruled]).stage).toBe('defect_confirmed');
      const upheld = givenRecall(objected)
        .when(
          { type: 'DecideObjection', decidedOn: '2026-04-10', outcome: 'upheld', decidedBy: '省市场监管局', reasoning: '检测合格' },
          '2026-04-10',
        )
        .thenEvents();
      expect(recallStateFrom([...objected, ...upheld]).closure).toEqual({ closedOn: '2026-04-10', outcome: 'no_defect' });
    });

    it('a refusal is accepted only after an order, and names the penalty case and the escalation it starts', () => {
      givenRecall(notified())
        .when({ type: 'RecordRefusal', refusedOn: '2026-03-10', statement: '拒绝' }, '2026-03-10')
        .thenRefused('REFUSAL_ONLY_AFTER_ORDER');
      const ordered = runRecall(
        [
          {
            command: { type: 'OrderRecall', orderedOn: '2026-03-26', orderedBy: '省市场监管局', reference: '责令召回〔2026〕1号' },
            on: '2026-03-26',
          },
        ],
        notified(),
      );
      const refused = givenRecall(ordered)
        .when({ type: 'RecordRefusal', refusedOn: '2026-03-30', statement: '书面拒绝召回' }, '2026-03-30')
        .thenEvents();
      const state = recallStateFrom([...ordered, ...refused]);
      expect(state.refusal).toMatchObject({ penaltyCaseId: 'RECALL-PEN', escalationId: 'RECALL-ESC' });
      expect(state.deadlines['plan_filing']).toBeUndefined();
      const effects =
        recallProcess.effectsOf?.(refused[0] as RecallEvent, state, { caseId: 'RCL-1', bureauId: 'b', bureauNameZh: '区局' }, officer) ??
        [];
      expect(effects.map((e) => e.kind)).toEqual(['startCase', 'startEscalation']);
      expect(effects[0]).toMatchObject({ caseType: 'penalty', command: { type: 'RegisterLead', section: 'enforcement' } });
      expect(effects[1]).toMatchObject({
        command: { target: { kind: 'city_bureau' }, parent: { workflowId: 'RCL-1', caseType: 'recall' } },
      });
      // the escalation's answer comes back as the system's own command
      const outcome = givenRecall([...ordered, ...refused])
        .when(
          { type: 'RecordEscalationOutcome', escalationId: 'RECALL-ESC', outcome: 'approved', decidedOn: '2026-04-20' },
          '2026-04-20',
          system,
        )
        .thenEvents();
      expect(recallStateFrom([...ordered, ...refused, ...outcome]).refusal?.escalationOutcome).toBe('approved');
      givenRecall([...ordered, ...refused])
        .when(
          { type: 'RecordEscalationOutcome', escalationId: 'RECALL-ESC', outcome: 'approved', decidedOn: '2026-04-20' },
          '2026-04-20',
          officer,
        )
        .thenRefused('ROLE_NOT_ENTITLED');
    });
  });

  describe('effectiveness in numbers', () => {
    it('a plan sets publication and summary deadlines; publication starts the 3-monthly progress reports', () => {
      const state = recallStateFrom(published());
      expect(state.stage).toBe('in_progress');
      expect(state.plan).toMatchObject({ mode: 'voluntary', unitsAffected: 1000 });
      expect(state.publication?.checkLevel).toBe('C');
      expect(state.deadlines['progress_report']).toMatchObject({
        due: '2026-06-09',
        basis: { from: '2026-03-09', period: { unit: 'months', count: 3 } },
      });
      expect(state.deadlines['summary_report']?.due).toBe('2026-10-27');
    });

    it('progress reports make the completion curve; inconsistent or falling figures are refused', () => {
      const events = runRecall(
        [
          {
            command: { type: 'SubmitProgressReport', reportedOn: '2026-06-05', unitsNotified: 900, unitsRemedied: 400 },
            on: '2026-06-05',
            actor: system,
          },
          {
            command: { type: 'SubmitProgressReport', reportedOn: '2026-09-04', unitsNotified: 1000, unitsRemedied: 850 },
            on: '2026-09-04',
          },
        ],
        published(),
      );
      const state = recallStateFrom(events);
      expect(state.progress.map((p) => [p.on, p.permille])).toEqual([
        ['2026-06-05', 400],
        ['2026-09-04', 850],
      ]);
      expect(state.stalledOn).toEqual([]);
      expect(state.deadlines['progress_report']?.due).toBe('2026-12-04');
      givenRecall(events)
        .when({ type: 'SubmitProgressReport', reportedOn: '2026-09-10', unitsNotified: 1000, unitsRemedied: 800 }, '2026-09-10')
        .thenRefused('FIGURES_DECREASED');
      givenRecall(events)
        .when({ type: 'SubmitProgressReport', reportedOn: '2026-09-10', unitsNotified: 1001, unitsRemedied: 900 }, '2026-09-10')
        .thenRefused('FIGURES_INCONSISTENT');
    });

    it('a report below the target gaining less than the minimum over its interval raises a stall notice to the chief', () => {
      const first = runRecall(
        [{ command: { type: 'SubmitProgressReport', reportedOn: '2026-06-05', unitsNotified: 500, unitsRemedied: 300 }, on: '2026-06-05' }],
        published(),
      );
      const second = givenRecall(first)
        .when({ type: 'SubmitProgressReport', reportedOn: '2026-09-04', unitsNotified: 600, unitsRemedied: 320 }, '2026-09-04')
        .thenEvents();
      expect(second.map((e) => e.type)).toEqual(['RecallStalled', 'EscalationNoticeRaised', 'ProgressReported']);
      expect(ofType(second, 'RecallStalled')[0]?.payload).toMatchObject({
        completionPermille: 320,
        previousPermille: 300,
        thresholdPermille: 800,
      });
      expect(ofType(second, 'EscalationNoticeRaised')[0]?.payload).toMatchObject({
        deadlineKind: 'completion_stalled',
        recipientRole: 'section_chief',
      });
      expect(ofType(second, 'EscalationNoticeRaised')[0]?.payload.legalSource).toContain('本局规定');
    });

    it('spot checks record sellers checked and still selling', () => {
      const events = runRecall(
        [
          {
            command: { type: 'RecordSpotCheck', checkedOn: '2026-04-01', target: 'sellers', checked: 12, stillSelling: 2 },
            on: '2026-04-01',
          },
        ],
        published(),
      );
      expect(recallStateFrom(events).spotChecks).toEqual([{ on: '2026-04-01', target: 'sellers', checked: 12, stillSelling: 2 }]);
      // a producer's report dated before the check, arriving after it, is still accepted
      givenRecall(events)
        .when({ type: 'SubmitProgressReport', reportedOn: '2026-03-31', unitsNotified: 500, unitsRemedied: 100 }, '2026-04-02', system)
        .thenEvents();
      givenRecall(published())
        .when({ type: 'RecordSpotCheck', checkedOn: '2026-04-01', target: 'sellers', checked: 2, stillSelling: 3 }, '2026-04-01')
        .thenRefused('FIGURES_INCONSISTENT');
    });

    it('assessment: below the target it closes only with reasonable efforts stated; insufficient reopens it', () => {
      const summary = runRecall(
        [
          {
            command: {
              type: 'SubmitSummaryReport',
              submittedOn: '2026-10-09',
              completedOn: '2026-09-30',
              unitsNotified: 1000,
              unitsRemedied: 700,
              summary: '完成',
            },
            on: '2026-10-09',
            actor: system,
          },
        ],
        published(),
      );
      const s = recallStateFrom(summary);
      expect(s.stage).toBe('summary_submitted');
      expect(Object.keys(s.deadlines)).toEqual(['assessment']);
      expect(ofType(summary, 'SummaryReportSubmitted')[0]?.payload.late).toBe(false);
      givenRecall(summary)
        .when({ type: 'AssessEffectiveness', assessedOn: '2026-10-12', outcome: 'effective', findings: '基本完成' }, '2026-10-12', officer)
        .thenRefused('ROLE_NOT_ENTITLED');
      const refusal = givenRecall(summary)
        .when({ type: 'AssessEffectiveness', assessedOn: '2026-10-12', outcome: 'effective', findings: '基本完成' }, '2026-10-12', chief)
        .thenRefused('BELOW_COMPLETION_TARGET');
      expect(refusal.message).toContain('本局规定');
      const closed = givenRecall(summary)
        .when(
          {
            type: 'AssessEffectiveness',
            assessedOn: '2026-10-12',
            outcome: 'effective',
            findings: '基本完成',
            reasonableEfforts: '已挂号信通知全部用户两次',
          },
          '2026-10-12',
          chief,
        )
        .thenEvents();
      expect(recallStateFrom([...summary, ...closed]).closure).toEqual({ closedOn: '2026-10-12', outcome: 'completed' });
      const reopened = givenRecall(summary)
        .when({ type: 'AssessEffectiveness', assessedOn: '2026-10-12', outcome: 'insufficient', findings: '需加强' }, '2026-10-12', head)
        .thenEvents();
      const r = recallStateFrom([...summary, ...reopened]);
      expect(r.stage).toBe('in_progress');
      expect(r.deadlines['progress_report']?.due).toBe('2027-01-12');
      expect(r.deadlines['summary_report']).toBeUndefined();
      // reopened with a new completion day: the summary report is due again, 15 working days after it
      const again = givenRecall(summary)
        .when(
          {
            type: 'AssessEffectiveness',
            assessedOn: '2026-10-12',
            outcome: 'insufficient',
            findings: '需加强',
            newCompletionOn: '2027-03-31',
          },
          '2026-10-12',
          head,
        )
        .thenEvents();
      const a = recallStateFrom([...summary, ...again]);
      expect(a.plan?.plannedCompletionOn).toBe('2027-03-31');
      expect(a.deadlines['summary_report']).toMatchObject({
        due: '2027-04-22',
        legalSource: expect.stringContaining('15个工作日') as string,
      });
      givenRecall(summary)
        .when(
          {
            type: 'AssessEffectiveness',
            assessedOn: '2026-10-12',
            outcome: 'insufficient',
            findings: '需加强',
            newCompletionOn: '2026-10-12',
          },
          '2026-10-12',
          head,
        )
        .thenRefused('NEW_COMPLETION_INVALID');
    });
  });

  describe('the clock', () => {
    it('a missing progress report: reminder to chase the producer, reminders, then the bureau head', () => {
      const state = recallStateFrom(published());
      const due = state.deadlines['progress_report'];
      if (!due?.bureauHeadOn) throw new Error('progress reports must escalate');
      expect(nextRecallWakeUp(state, Date.parse('2026-03-10T00:00:00Z'))).toBe(startOfShanghaiDay('2026-06-10'));
      const atHead = givenRecall(published()).when({ type: 'Tick' }, addDays(due.bureauHeadOn, 1), system).thenEvents();
      const notices = ofType(atHead, 'EscalationNoticeRaised').map((e) => [e.payload.recipientRole, e.payload.deadlineKind]);
      expect(notices[0]).toEqual(['section_chief', 'progress_report']);
      expect(notices.at(-1)).toEqual(['bureau_head', 'progress_report']);
      expect(ofType(atHead, 'EscalationNoticeRaised')[0]?.payload.message).toContain('催报');
      givenRecall(published()).when({ type: 'Tick' }, '2026-06-24', officer).thenRefused('ROLE_NOT_ENTITLED');
    });
  });

  it('projects to a view with the producer and stage, the curve kept in the state', () => {
    const projection = caseProjections['recall'];
    expect(projection).toBe(recallProcess.projection);
    const view = recallProcess.projection.view(recallStateFrom(published()));
    expect(view).toMatchObject({
      caseType: 'recall',
      stage: 'in_progress',
      partyName: '某童车有限公司',
      procedure: 'voluntary',
      title: '儿童电动滑板车缺陷召回',
    });
  });
});

function notifiedVehicle(): RecallEvent[] {
  return runRecall([
    { command: signal('2026-03-02', { product: { category: 'vehicle', name: '某型轿车' } }), on: '2026-03-02' },
    { command: { type: 'StartDefectInvestigation', startedOn: '2026-03-03', mode: 'reported_upward', note: '报总局' }, on: '2026-03-03' },
    {
      command: { type: 'NotifyProducer', notifiedOn: '2026-03-04', findings: '安全气囊缺陷', notifiedBy: '国家市场监督管理总局' },
      on: '2026-03-04',
    },
  ]);
}
