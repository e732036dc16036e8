import {
  accidentProcess,
  decideAccident,
  nextAccidentWakeUp,
  accidentStage,
  accidentView,
  isDomainError,
  penaltyCaseProcess,
  type AccidentEvent,
  type AccidentState,
  type Actor,
} from '@qts/domain';
import {
  accidentStateFrom,
  calendar,
  certified,
  chief,
  givenAccident,
  head,
  liftReport,
  noonOn,
  officer,
  productReport,
  runAccident,
  system,
} from '../../support/accident-given-when-then';

const DAY = '2026-06-01';

function decideAt(state: AccidentState, command: Parameters<typeof decideAccident>[1], at: string, actor: Actor = officer) {
  return decideAccident(state, command, { now: Date.parse(at), actor, calendar, caseId: 'ACC-1' });
}

function eventsAt(
  state: AccidentState,
  command: Parameters<typeof decideAccident>[1],
  at: string,
  actor: Actor = officer,
): AccidentEvent[] {
  const r = decideAt(state, command, at, actor);
  if (isDomainError(r)) throw new Error(`${r.code}: ${r.message}`);
  return r;
}

const triaged = (day: string): Parameters<typeof decideAccident>[1] => ({
  type: 'TriageAccident',
  triagedOn: day,
  decision: 'accident',
  reasons: '符合事故定义',
});

function districtLed(): AccidentEvent[] {
  return runAccident([
    { command: productReport(DAY), on: DAY },
    { command: triaged(DAY), on: DAY },
    {
      command: {
        type: 'ReportUpward',
        to: 'district_government',
        reportedAt: `${DAY}T11:00:00+08:00`,
        reportedBy: '李明',
        content: '电话报告区政府总值班室',
      },
      on: DAY,
    },
  ]);
}

describe('accident decider (事故调查)', () => {
  describe('report received (接报)', () => {
    it('a special-equipment report owes the district government and the superior department a report within 2 hours each (条例 第十、十一条)', () => {
      const [received] = givenAccident([]).when(liftReport(DAY), DAY).thenEvents();
      if (received?.type !== 'AccidentReportReceived') throw new Error('expected AccidentReportReceived');
      expect(received.payload.hourLimits?.set?.map((h) => [h.kind, h.dueAt])).toEqual([
        ['report:district_government', '2026-06-01T03:30:00.000Z'],
        ['report:superior_department', '2026-06-01T03:30:00.000Z'],
      ]);
      expect(received.payload.hourLimits?.set?.[0]?.legalSource).toContain('第十一条');
      expect(received.payload.unitReportLate).toBe(false);
    });

    it('flags the unit’s report as late when it came more than 1 hour after the accident (条例 第九条)', () => {
      const [received] = givenAccident([]).when(productReport(DAY), DAY).thenEvents();
      expect(received?.type === 'AccidentReportReceived' && received.payload.unitReportLate).toBe(true);
    });

    it('refuses a special-equipment report without the equipment, and a report in the future', () => {
      givenAccident([])
        .when(liftReport(DAY, { equipment: undefined }), DAY)
        .thenRefused('EQUIPMENT_REQUIRED');
      givenAccident([]).when(liftReport('2026-06-02'), DAY).thenRefused('ACT_TIME_IN_FUTURE');
    });
  });

  describe('triage (界定)', () => {
    it('a lift car trapped ≥ 2 h is 一般 (条例 第六十四条) and led by the city department (特种设备安全法 第七十二条)', () => {
      const events = runAccident([
        { command: liftReport(DAY), on: DAY },
        { command: triaged(DAY), on: DAY },
      ]);
      const state = accidentStateFrom(events);
      expect(state.grade).toBe('general');
      expect(state.gradeSource).toContain('第六十四条');
      expect(state.lead).toBe('city_department');
      expect(accidentStage(state)).toBe('reporting_upward');
    });

    it('trapped under 2 h reaches no grade and cannot be triaged as an accident', () => {
      givenAccident(runAccident([{ command: liftReport(DAY, { equipmentEvents: [{ kind: 'lift_car_trapped', hours: 1.5 }] }), on: DAY }]))
        .when(triaged(DAY), DAY)
        .thenRefused('BELOW_ACCIDENT_THRESHOLD');
    });

    it.each([
      [{ deaths: 3, seriousInjuries: 0 }, 'larger', 'province_department', '第六十三条'],
      [{ deaths: 10, seriousInjuries: 0 }, 'major', 'samr', '第六十二条'],
      [{ deaths: 30, seriousInjuries: 0 }, 'extraordinary', 'state_council', '第六十一条'],
    ])('%j → %s led by %s (%s)', (casualties, grade, lead, article) => {
      const state = accidentStateFrom(
        runAccident([
          { command: liftReport(DAY, { casualties: { ...casualties, minorInjuries: 0 } }), on: DAY },
          { command: triaged(DAY), on: DAY },
        ]),
      );
      expect([state.grade, state.lead]).toEqual([grade, lead]);
      expect(state.gradeSource).toContain(article);
    });

    it('not a special-equipment accident needs a ground of Order 50 第三条 and closes the case with its hour limits', () => {
      const history = runAccident([{ command: liftReport(DAY), on: DAY }]);
      const refusal = givenAccident(history)
        .when({ type: 'TriageAccident', triagedOn: DAY, decision: 'not_an_accident', reasons: '外部火灾' }, DAY)
        .thenRefused('GROUND_REQUIRED');
      expect(refusal.message).toContain('第三条');
      const events = givenAccident(history)
        .when(
          {
            type: 'TriageAccident',
            triagedOn: DAY,
            decision: 'not_an_accident',
            ground: 'force_majeure_or_external',
            reasons: '小区火灾引发',
          },
          DAY,
        )
        .thenEvents();
      const state = accidentStateFrom([...history, ...events]);
      expect(state.phase).toBe('closed');
      expect(state.hourLimits).toEqual({});
      expect(events[0]?.type === 'AccidentTriaged' && events[0].payload.groundSource).toContain('不可抗力');
    });

    it('a product accident with one serious injury is 一般 and led by the district, its 60-day period running (第二十九条)', () => {
      const state = accidentStateFrom(
        runAccident([
          { command: productReport(DAY), on: DAY },
          { command: triaged(DAY), on: DAY },
        ]),
      );
      expect(state.lead).toBe('district_bureau');
      expect(state.deadlines['investigation_report']).toMatchObject({
        due: '2026-07-31',
        legalSource: expect.stringContaining('第二十九条') as string,
      });
    });
  });

  describe('reporting upward (上报)', () => {
    it('reports within the hour limit are on time; the superior report starts a child escalation', () => {
      const history = runAccident([
        { command: liftReport(DAY), on: DAY },
        { command: triaged(DAY), on: DAY },
      ]);
      const [up] = eventsAt(
        accidentStateFrom(history),
        {
          type: 'ReportUpward',
          to: 'superior_department',
          reportedAt: `${DAY}T10:10:00+08:00`,
          reportedBy: '胡军',
          content: '电话快报市局',
        },
        `${DAY}T10:15:00+08:00`,
      );
      expect(up?.type === 'AccidentReportedUpward' && [up.payload.late, up.payload.escalationId]).toEqual([false, 'ACC-1-UP']);
    });

    it('a report after its limit is recorded late; the same report twice is refused', () => {
      const history = runAccident([{ command: liftReport(DAY), on: DAY }]);
      const cmd = {
        type: 'ReportUpward' as const,
        to: 'district_government' as const,
        reportedAt: `${DAY}T12:00:00+08:00`,
        reportedBy: '胡军',
        content: '书面报告',
      };
      const [up] = eventsAt(accidentStateFrom(history), cmd, `${DAY}T12:05:00+08:00`);
      expect(up?.type === 'AccidentReportedUpward' && up.payload.late).toBe(true);
      const again = decideAt(accidentStateFrom([...history, ...(up ? [up] : [])]), cmd, `${DAY}T12:10:00+08:00`);
      expect(isDomainError(again) && again.code).toBe('REPORT_NOT_OWED');
    });

    it('raises the hour-limit notices at their instants: warned 30 min before, missed at the limit, the head 60 min after', () => {
      const state = accidentStateFrom(runAccident([{ command: liftReport(DAY), on: DAY }]));
      expect(new Date(nextAccidentWakeUp(state, Date.parse(`${DAY}T09:31:00+08:00`)) ?? 0).toISOString()).toBe('2026-06-01T03:00:00.000Z');
      const warned = eventsAt(state, { type: 'Tick' }, `${DAY}T11:00:00+08:00`, system);
      expect(
        warned.map((e) => e.type === 'EscalationNoticeRaised' && [e.payload.deadlineKind, e.payload.level, e.payload.recipientRole]),
      ).toEqual([
        ['report:district_government', 'approaching', 'section_chief'],
        ['report:superior_department', 'approaching', 'section_chief'],
      ]);
      const s2 = accidentStateFrom([...runAccident([{ command: liftReport(DAY), on: DAY }]), ...warned]);
      const late = eventsAt(s2, { type: 'Tick' }, `${DAY}T12:31:00+08:00`, system);
      expect(late.map((e) => e.type === 'EscalationNoticeRaised' && [e.payload.level, e.payload.recipientRole])).toEqual([
        ['missed', 'section_chief'],
        ['missed', 'section_chief'],
        ['missed', 'bureau_head'],
        ['missed', 'bureau_head'],
      ]);
    });
  });

  describe('follow-up report (补报, 条例 第十三条)', () => {
    const history = () =>
      runAccident([
        { command: liftReport(DAY), on: DAY },
        { command: triaged(DAY), on: DAY },
      ]);
    it('records changed casualties within 30 days and grades again', () => {
      const [ev] = givenAccident(history())
        .when(
          {
            type: 'RecordFollowUpReport',
            reportedAt: '2026-06-10T09:00:00+08:00',
            casualties: { deaths: 3, seriousInjuries: 0, minorInjuries: 0 },
            note: '伤者抢救无效',
          },
          '2026-06-10',
        )
        .thenEvents();
      expect(ev?.type === 'FollowUpReportRecorded' && [ev.payload.grade, ev.payload.regraded]).toEqual(['larger', true]);
    });
    it('refuses after 30 days, and when nothing changed', () => {
      givenAccident(history())
        .when(
          {
            type: 'RecordFollowUpReport',
            reportedAt: '2026-07-05T09:00:00+08:00',
            casualties: { deaths: 1, seriousInjuries: 0, minorInjuries: 0 },
            note: 'x',
          },
          '2026-07-05',
        )
        .thenRefused('FOLLOW_UP_WINDOW_PASSED');
      givenAccident(history())
        .when(
          {
            type: 'RecordFollowUpReport',
            reportedAt: '2026-06-05T09:00:00+08:00',
            casualties: { deaths: 0, seriousInjuries: 0, minorInjuries: 0 },
            note: 'x',
          },
          '2026-06-05',
        )
        .thenRefused('NOTHING_TO_FOLLOW_UP');
    });
  });

  describe('where the district does not lead', () => {
    it('refuses the district’s own investigation steps, naming 第七十二条, and records the lead body’s acts', () => {
      const base = runAccident([
        { command: liftReport(DAY), on: DAY },
        { command: triaged(DAY), on: DAY },
      ]);
      const refusal = givenAccident(base)
        .when({ type: 'SecureSite', securedAt: `${DAY}T10:00:00+08:00`, measures: '停用电梯' }, DAY)
        .thenRefused('NOT_LEAD_BODY');
      expect(refusal.message).toContain('第七十二条');
      const reported = runAccident(
        [
          {
            command: {
              type: 'ReportUpward',
              to: 'district_government',
              reportedAt: `${DAY}T10:00:00+08:00`,
              reportedBy: '胡军',
              content: '报告',
            },
            on: DAY,
          },
          {
            command: {
              type: 'ReportUpward',
              to: 'superior_department',
              reportedAt: `${DAY}T10:05:00+08:00`,
              reportedBy: '胡军',
              content: '报告',
            },
            on: DAY,
          },
          {
            command: { type: 'RecordLeadBodyAct', act: 'report', on: '2026-07-20', text: '市局事故调查报告：钢丝绳磨损' },
            on: '2026-07-20',
          },
        ],
        base,
      );
      expect(accidentStage(accidentStateFrom(reported))).toBe('outcomes');
    });
  });

  describe('where the district leads', () => {
    it('needs two certified officers in the team (行政处罚法 第四十二条)', () => {
      givenAccident(districtLed())
        .when(
          { type: 'FormInvestigationTeam', formedOn: DAY, officerIds: ['officer-chen'], officers: certified('officer-chen') },
          DAY,
          chief,
        )
        .thenRefused('TEAM_TOO_SMALL');
      givenAccident(districtLed())
        .when(
          {
            type: 'FormInvestigationTeam',
            formedOn: DAY,
            officerIds: ['officer-chen', 'officer-yang'],
            officers: [...certified('officer-chen'), { id: 'officer-yang', name: '杨', certificate: null }],
          },
          DAY,
          chief,
        )
        .thenRefused('OFFICER_CERTIFICATE_NOT_VALID');
    });

    it('appraisal time is not counted (第二十七条): the 60-day deadline moves by the days it took', () => {
      const events = runAccident(
        [
          {
            command: {
              type: 'FormInvestigationTeam',
              formedOn: DAY,
              officerIds: ['officer-chen', 'officer-yang'],
              officers: certified('officer-chen', 'officer-yang'),
            },
            on: DAY,
            actor: chief,
          },
          {
            command: { type: 'StartAppraisal', startedOn: '2026-06-05', appraisal: 'technical_appraisal', agency: '省特检院' },
            on: '2026-06-05',
          },
          { command: { type: 'FinishAppraisal', finishedOn: '2026-06-25', conclusion: '锅盖锁紧装置设计缺陷' }, on: '2026-06-25' },
        ],
        districtLed(),
      );
      const state = accidentStateFrom(events);
      expect(state.pausedDays).toBe(20);
      expect(state.deadlines['investigation_report']?.due).toBe('2026-08-20');
    });

    it('an extension is the head’s to record, at most 60 days in all (第二十九条)', () => {
      const base = districtLed();
      givenAccident(base)
        .when({ type: 'ExtendInvestigation', approvedOn: DAY, approvedBy: '区人民政府', days: 30, reason: '案情复杂' }, DAY, officer)
        .thenRefused('ROLE_NOT_ENTITLED');
      const refusal = givenAccident(base)
        .when({ type: 'ExtendInvestigation', approvedOn: DAY, approvedBy: '区人民政府', days: 61, reason: '案情复杂' }, DAY, head)
        .thenRefused('EXTENSION_TOO_LONG');
      expect(refusal.message).toContain('第二十九条');
    });

    it('runs to approval, outcomes and closing; closing needs every outcome closed or handed on', () => {
      const events = runAccident(
        [
          { command: { type: 'SecureSite', securedAt: `${DAY}T11:30:00+08:00`, measures: '封存同批次产品' }, on: DAY },
          {
            command: {
              type: 'FormInvestigationTeam',
              formedOn: DAY,
              officerIds: ['officer-chen', 'officer-yang'],
              officers: certified('officer-chen', 'officer-yang'),
            },
            on: DAY,
            actor: chief,
          },
          { command: { type: 'RecordAccidentEvidence', collectedOn: '2026-06-02', description: '现场勘验笔录' }, on: '2026-06-02' },
          {
            command: {
              type: 'SubmitInvestigationReport',
              submittedOn: '2026-06-20',
              cause: '锁紧装置缺陷',
              liabilities: [{ party: '某厨具有限公司', share: 'full' }],
              rectificationOpinions: '召回同批次产品',
            },
            on: '2026-06-20',
          },
          {
            command: { type: 'RecordCollectiveReview', reviewedOn: '2026-06-22', conclusion: 'passed', minutes: '局务会通过' },
            on: '2026-06-22',
            actor: head,
          },
        ],
        districtLed(),
      );
      expect(accidentStateFrom(events).deadlines['approval']).toMatchObject({
        due: '2026-07-07',
        legalSource: expect.stringContaining('第三十二条') as string,
      });
      const approved = runAccident(
        [
          {
            command: { type: 'RecordApproval', approvedOn: '2026-06-30', approvedBy: '区人民政府', reference: '区政批〔2026〕12号' },
            on: '2026-06-30',
          },
          {
            command: {
              type: 'RecordOutcome',
              outcomeId: 'O-1',
              outcome: 'penalty_case',
              recordedOn: '2026-07-01',
              description: '立案查处',
              linkedId: 'PEN-20260701-00000001',
            },
            on: '2026-07-01',
          },
          {
            command: {
              type: 'RecordOutcome',
              outcomeId: 'O-2',
              outcome: 'rectification',
              recordedOn: '2026-07-01',
              description: '整改',
              verifyBy: '2026-08-01',
            },
            on: '2026-07-01',
          },
        ],
        events,
      );
      const state = accidentStateFrom(approved);
      expect(state.deadlines['verification:O-2']?.due).toBe('2026-08-01');
      givenAccident(approved)
        .when({ type: 'RecordOutcome', outcomeId: 'O-3', outcome: 'recall', recordedOn: '2026-07-01', description: '召回' }, '2026-07-01')
        .thenRefused('LINK_REQUIRED');
      // 立案查处 without a case to name: the accident opens one against the party found liable, as a child process
      const penalty = {
        type: 'RecordOutcome',
        outcomeId: 'O-4',
        outcome: 'penalty_case',
        recordedOn: '2026-07-01',
        description: '对使用单位立案查处',
      } as const;
      givenAccident(approved).when(penalty, '2026-07-01').thenRefused('LINK_OR_PARTY_REQUIRED');
      const party = { kind: 'organisation', name: '某物业管理有限公司' } as const;
      const [opened] = givenAccident(approved)
        .when({ ...penalty, party }, '2026-07-01')
        .thenEvents();
      if (opened?.type !== 'OutcomeRecorded') throw new Error('expected OutcomeRecorded');
      expect(opened.payload).toMatchObject({ penaltyCaseId: 'ACCIDENT-PEN-O-4', party });
      const origin = { caseId: 'ACC-1', bureauId: 'district-test', bureauNameZh: '某区质量技术监督局' };
      const [effect] = accidentProcess.effectsOf?.(opened, accidentStateFrom([...approved, opened]), origin, officer) ?? [];
      if (effect?.kind !== 'startCase') throw new Error('expected the penalty case to be started');
      expect(effect).toMatchObject({ caseType: 'penalty', caseId: 'ACCIDENT-PEN-O-4', section: 'enforcement' });
      const lead = penaltyCaseProcess.commands.opening.parse(effect.command);
      expect(lead).toMatchObject({ type: 'RegisterLead', party, summary: expect.stringContaining('ACC-1') as string });
      const decided = penaltyCaseProcess.decide(penaltyCaseProcess.initialState(), lead, {
        now: noonOn('2026-07-01'),
        actor: officer,
        calendar,
      });
      expect(Array.isArray(decided) ? decided.map((e) => e.type) : decided).toContain('PenaltyCaseOpened');
      expect(accidentStateFrom([...approved, opened]).outcomes.find((o) => o.outcomeId === 'O-4')?.linkedId).toBe('ACCIDENT-PEN-O-4');
      givenAccident(approved)
        .when({ type: 'CloseAccident', closedOn: '2026-07-02', summary: '结案' }, '2026-07-02', chief)
        .thenRefused('OUTCOMES_OPEN');
      const closed = runAccident(
        [
          {
            command: { type: 'CloseOutcome', outcomeId: 'O-1', closedOn: '2026-07-02', result: 'handed_on', note: '移交稽查队办理' },
            on: '2026-07-02',
          },
          {
            command: { type: 'CloseOutcome', outcomeId: 'O-2', closedOn: '2026-07-30', result: 'closed', note: '复查合格' },
            on: '2026-07-30',
          },
          { command: { type: 'CloseAccident', closedOn: '2026-07-31', summary: '结案' }, on: '2026-07-31', actor: chief },
        ],
        approved,
      );
      const final = accidentStateFrom(closed);
      expect([final.phase, final.deadlines]).toEqual(['closed', {}]);
    });
  });

  describe('outcomes the bureau sends itself (移送公安 / 通报相关部门)', () => {
    function approved(): AccidentEvent[] {
      return runAccident(
        [
          { command: { type: 'SecureSite', securedAt: `${DAY}T11:30:00+08:00`, measures: '封存' }, on: DAY },
          {
            command: {
              type: 'FormInvestigationTeam',
              formedOn: DAY,
              officerIds: ['officer-chen', 'officer-yang'],
              officers: certified('officer-chen', 'officer-yang'),
            },
            on: DAY,
            actor: chief,
          },
          { command: { type: 'RecordAccidentEvidence', collectedOn: DAY, description: '笔录' }, on: DAY },
          {
            command: {
              type: 'SubmitInvestigationReport',
              submittedOn: DAY,
              cause: '缺陷',
              liabilities: [{ party: '某厂', share: 'primary' }],
              rectificationOpinions: '整改',
            },
            on: DAY,
          },
          { command: { type: 'RecordCollectiveReview', reviewedOn: DAY, conclusion: 'passed', minutes: '通过' }, on: DAY, actor: head },
          { command: { type: 'RecordApproval', approvedOn: DAY, approvedBy: '区人民政府', reference: '区政批1号' }, on: DAY },
        ],
        districtLed(),
      );
    }

    it('a police transfer without a link is sent as a child escalation, and the police’s acceptance hands the outcome on', () => {
      const [recorded] = eventsAt(
        accidentStateFrom(approved()),
        {
          type: 'RecordOutcome',
          outcomeId: 'T1',
          outcome: 'police_transfer',
          recordedOn: DAY,
          description: '涉嫌生产、销售不符合安全标准的产品罪',
        },
        `${DAY}T15:00:00+08:00`,
      );
      expect(recorded?.type === 'OutcomeRecorded' && recorded.payload.escalationId).toBe('ACC-1-OUT-T1');
      const state = accidentStateFrom([...approved(), ...(recorded ? [recorded] : [])]);
      const answer = eventsAt(
        state,
        { type: 'RecordEscalationOutcome', escalationId: 'ACC-1-OUT-T1', outcome: 'accepted_for_investigation', decidedOn: DAY },
        `${DAY}T16:00:00+08:00`,
        system,
      );
      expect(answer.map((e) => e.type)).toEqual(['ReportEscalationAnswered', 'OutcomeClosed']);
      expect(accidentStateFrom([...approved(), ...(recorded ? [recorded] : []), ...answer]).outcomes[0]?.status).toBe('handed_on');
      const byOfficer = decideAt(
        state,
        { type: 'RecordEscalationOutcome', escalationId: 'ACC-1-OUT-T1', outcome: 'accepted', decidedOn: DAY },
        `${DAY}T16:00:00+08:00`,
        officer,
      );
      expect(isDomainError(byOfficer) && byOfficer.code).toBe('ROLE_NOT_ENTITLED');
    });

    it('a peer notice names a department of the 职责边界 table (not the bureau itself)', () => {
      const base = {
        type: 'RecordOutcome' as const,
        outcomeId: 'N1',
        outcome: 'peer_notice' as const,
        recordedOn: DAY,
        description: '通报',
      };
      expect(accidentProcess.commands.running.safeParse({ ...base, department: 'quality_supervision' }).success).toBe(false);
      givenAccident(approved()).when(base, DAY).thenRefused('DEPARTMENT_REQUIRED');
      const [ev] = givenAccident(approved())
        .when({ ...base, department: 'industry_commerce_food_drug' }, DAY)
        .thenEvents();
      expect(ev?.type === 'OutcomeRecorded' && ev.payload.department).toBe('industry_commerce_food_drug');
    });
  });

  describe('read-model view', () => {
    it('shows kind, grade and lead, and the report upward due today first', () => {
      const state = accidentStateFrom(
        runAccident([
          { command: liftReport(DAY), on: DAY },
          { command: triaged(DAY), on: DAY },
        ]),
      );
      const view = accidentView(state);
      expect(view.procedure).toBe('special_equipment:general:city_department');
      expect(view.title).toContain('一般事故');
      expect(view.deadlines[0]).toMatchObject({ kind: 'report:district_government', due: DAY });
      expect(noonOn(DAY)).toBeGreaterThan(0);
    });
  });
});
