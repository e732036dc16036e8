import {
  ESCALATION_CASE_TYPE,
  addDays,
  caseProjections,
  escalationDocumentFor,
  escalationDocumentV1Schema,
  nextEscalationWakeUp,
  startOfShanghaiDay,
  type EscalationEvent,
  type EscalationEventOf,
} from '@qts/domain';
import {
  calendar,
  chief,
  escalationStateFrom,
  givenEscalation,
  head,
  noonOn,
  officer,
  openCommand,
  runEscalation,
  submitted,
  system,
} from '../../support/escalation-given-when-then';

function ofType<K extends EscalationEvent['type']>(events: EscalationEvent[], type: K): EscalationEventOf<K>[] {
  return events.filter((e): e is EscalationEventOf<K> => e.type === type);
}

describe('escalation decider (上报/移送)', () => {
  describe('the chain of levels is computed from the target', () => {
    it.each([
      [{ kind: 'cnca' as const }, ['city_bureau', 'province', 'cnca']],
      [{ kind: 'province' as const }, ['city_bureau', 'province']],
      [{ kind: 'city_bureau' as const }, ['city_bureau']],
      [{ kind: 'police' as const }, ['police']],
      [{ kind: 'peer_department' as const, department: 'work_safety' as const }, ['peer:work_safety']],
    ])('%j → %j', (target, keys) => {
      const [opened] = givenEscalation([]).when(openCommand(target, '2026-03-02'), '2026-03-02').thenEvents();
      if (opened?.type !== 'EscalationOpened') throw new Error('expected EscalationOpened');
      expect(opened.payload.chain.map((l) => l.key)).toEqual(keys);
      expect(escalationStateFrom([opened]).chain.every((l) => l.status === 'pending')).toBe(true);
    });

    it('a peer level is named from the boundary table, and the bureau cannot transfer to itself', () => {
      const state = escalationStateFrom(submitted({ kind: 'peer_department', department: 'work_safety', matter: 'hazardous_chemicals' }));
      expect(state.chain[0]).toMatchObject({ kind: 'peer_department', nameZh: '安监局', department: 'work_safety' });
      givenEscalation([])
        .when(openCommand({ kind: 'peer_department', department: 'quality_supervision' }, '2026-03-02'), '2026-03-02')
        .thenRefused('TRANSFER_TO_SELF');
    });

    it('the rule set is recorded on the escalation with a source for each value', () => {
      const state = escalationStateFrom(submitted());
      expect(state.rules?.response.city_bureau.acknowledgement.source).toContain('内部规定');
      expect(state.rules?.response.police.answer.source).toContain('第八条');
      expect(state.rules?.reminderEvery.value).toEqual({ unit: 'working_days', count: 2 });
    });
  });

  describe('acts are dated on paper', () => {
    it('refuses a date in the future', () => {
      givenEscalation([])
        .when(openCommand({ kind: 'cnca' }, '2026-03-05'), '2026-03-02')
        .thenRefused('ACT_DATE_IN_FUTURE');
    });

    it('refuses a date before the previous step', () => {
      givenEscalation(submitted())
        .when({ type: 'RecordAcknowledgement', acknowledgedOn: '2026-03-02', acknowledgedBy: '市局办公室' }, '2026-03-04')
        .thenRefused('ACT_DATE_BEFORE_PREVIOUS_STEP');
    });
  });

  describe('submission, acknowledgement, forwarding, decision', () => {
    it('only the bureau head signs the outbound document; for the police the transfer rule says so', () => {
      const opened = runEscalation([{ command: openCommand({ kind: 'police' }, '2026-03-02'), on: '2026-03-02' }]);
      const refusal = givenEscalation(opened)
        .when({ type: 'SubmitEscalation', submittedOn: '2026-03-02' }, '2026-03-02', chief)
        .thenRefused('ROLE_NOT_ENTITLED');
      expect(refusal.message).toContain('第五条');
    });

    it('submission sends document 1 to the first level and sets its acknowledgement deadline', () => {
      const events = submitted();
      const [sub] = ofType(events, 'EscalationSubmitted');
      expect(sub?.payload).toMatchObject({
        level: 'city_bureau',
        attempt: 1,
        documentNo: 'city_bureau-1',
        via: [],
        submittedOn: '2026-03-03',
      });
      const ack = escalationStateFrom(events).deadlines['acknowledgement:city_bureau'];
      expect(ack).toMatchObject({ due: calendar.addWorkingDays('2026-03-03', 3).date, escalate: true, phase: 'acknowledgement' });
      expect(ack?.due).toBe('2026-03-06');
      expect(ack?.legalSource).toContain('本局上报督办规定（内部规定');
    });

    it('acknowledgement replaces the acknowledgement deadline with the answer deadline', () => {
      const events = runEscalation(
        [{ command: { type: 'RecordAcknowledgement', acknowledgedOn: '2026-03-04', acknowledgedBy: '市局办公室 刘某' }, on: '2026-03-04' }],
        submitted(),
      );
      const state = escalationStateFrom(events);
      expect(state.chain[0]).toMatchObject({ status: 'acknowledged', acknowledgedOn: '2026-03-04', acknowledgedBy: '市局办公室 刘某' });
      expect(Object.keys(state.deadlines)).toEqual(['answer:city_bureau']);
      expect(state.deadlines['answer:city_bureau']?.due).toBe(calendar.addWorkingDays('2026-03-04', 20).date);
    });

    it('district → city → province → CNCA: forwarding submits to the next level; CNCA decides and the escalation closes', () => {
      const events = runEscalation(
        [
          { command: { type: 'RecordAcknowledgement', acknowledgedOn: '2026-03-04', acknowledgedBy: '市局' }, on: '2026-03-04' },
          {
            command: {
              type: 'RecordForwarding',
              forwardedOn: '2026-03-10',
              forwardedBy: '市局',
              reference: '市质监〔2026〕8号',
              opinion: '同意转报',
            },
            on: '2026-03-10',
          },
          { command: { type: 'RecordAcknowledgement', acknowledgedOn: '2026-03-12', acknowledgedBy: '省局' }, on: '2026-03-12' },
          {
            command: {
              type: 'RecordForwarding',
              forwardedOn: '2026-03-20',
              forwardedBy: '省局',
              reference: '省质监〔2026〕3号',
              opinion: '建议撤销',
            },
            on: '2026-03-20',
          },
          {
            command: { type: 'RecordAcknowledgement', acknowledgedOn: '2026-03-25', acknowledgedBy: '认监委认证监管司' },
            on: '2026-03-25',
          },
        ],
        submitted(),
      );
      const subs = ofType(events, 'EscalationSubmitted').map((e) => e.payload);
      expect(subs.map((s) => [s.level, s.submittedOn, s.via])).toEqual([
        ['city_bureau', '2026-03-03', []],
        ['province', '2026-03-10', ['city_bureau']],
        ['cnca', '2026-03-20', ['city_bureau', 'province']],
      ]);
      const beforeDecision = escalationStateFrom(events);
      expect(beforeDecision.chain.map((l) => l.status)).toEqual(['forwarded', 'forwarded', 'acknowledged']);
      expect(Object.keys(beforeDecision.deadlines)).toEqual(['answer:cnca']);

      givenEscalation(events)
        .when({ type: 'RecordForwarding', forwardedOn: '2026-03-26', forwardedBy: 'x', reference: 'x', opinion: 'x' }, '2026-03-26')
        .thenRefused('NO_NEXT_LEVEL');

      const decided = givenEscalation(events)
        .when(
          {
            type: 'RecordDecision',
            decidedOn: '2026-04-20',
            decidedBy: '国家认监委',
            outcome: 'revoked',
            reference: '认监委〔2026〕12号',
            answer: '撤销该认证机构批准书',
          },
          '2026-04-20',
        )
        .thenEvents();
      expect(decided.map((e) => e.type)).toEqual(['EscalationDecided', 'EscalationClosed']);
      expect(decided[1]?.payload).toMatchObject({ outcome: 'revoked', decidedByLevel: 'cnca', closedOn: '2026-04-20' });
      const closed = escalationStateFrom([...events, ...decided]);
      expect(closed.stage).toBe('closed');
      expect(closed.deadlines).toEqual({});
      givenEscalation([...events, ...decided])
        .when({ type: 'RecordAcknowledgement', acknowledgedOn: '2026-04-21', acknowledgedBy: 'x' }, '2026-04-21')
        .thenRefused('CASE_CLOSED');
    });

    it('the police answer within 3 days of acceptance (第八条), and only with the police outcomes', () => {
      const events = runEscalation(
        [
          {
            command: { type: 'RecordAcknowledgement', acknowledgedOn: '2026-03-04', acknowledgedBy: '区公安分局经侦大队' },
            on: '2026-03-04',
          },
        ],
        submitted({ kind: 'police' }),
      );
      const answer = escalationStateFrom(events).deadlines['answer:police'];
      expect(answer?.legalSource).toContain('第八条');
      expect(answer?.due).toBe(calendar.addCalendarDays('2026-03-04', 3).date);
      givenEscalation(events)
        .when(
          { type: 'RecordDecision', decidedOn: '2026-03-05', decidedBy: '公安', outcome: 'revoked', reference: 'x', answer: 'x' },
          '2026-03-05',
        )
        .thenRefused('OUTCOME_NOT_FOR_LEVEL');
      givenEscalation(events)
        .when(
          {
            type: 'RecordDecision',
            decidedOn: '2026-03-05',
            decidedBy: '区公安分局',
            outcome: 'accepted_for_investigation',
            reference: '立案告知书',
            answer: '决定立案',
          },
          '2026-03-05',
        )
        .thenEvents();
    });
  });

  describe('withdrawal and resubmission', () => {
    it('the bureau head withdraws to amend, then resubmits: document 2, a new acknowledgement deadline', () => {
      givenEscalation(submitted())
        .when({ type: 'WithdrawEscalation', withdrawnOn: '2026-03-04', reason: '补充材料', intent: 'amend' }, '2026-03-04', officer)
        .thenRefused('ROLE_NOT_ENTITLED');
      const withdrawn = runEscalation(
        [
          {
            command: { type: 'WithdrawEscalation', withdrawnOn: '2026-03-04', reason: '补充材料', intent: 'amend' },
            on: '2026-03-04',
            actor: head,
          },
        ],
        submitted(),
      );
      const w = escalationStateFrom(withdrawn);
      expect(w.stage).toBe('open');
      expect(w.chain[0]).toMatchObject({
        status: 'withdrawn',
        withdrawals: [{ withdrawnOn: '2026-03-04', reason: '补充材料', intent: 'amend' }],
      });
      expect(w.deadlines).toEqual({});
      givenEscalation(withdrawn)
        .when({ type: 'RecordAcknowledgement', acknowledgedOn: '2026-03-05', acknowledgedBy: '市局' }, '2026-03-05')
        .thenRefused('WRONG_LEVEL_STATUS');

      const resubmitted = runEscalation(
        [
          {
            command: {
              type: 'ResubmitEscalation',
              resubmittedOn: '2026-03-09',
              reason: '已补充现场审核记录',
              amendedFacts: '补充：现场审核记录系伪造。',
            },
            on: '2026-03-09',
            actor: head,
          },
        ],
        withdrawn,
      );
      const sub = ofType(resubmitted, 'EscalationSubmitted').at(-1);
      expect(sub?.payload).toMatchObject({
        level: 'city_bureau',
        attempt: 2,
        documentNo: 'city_bureau-2',
        resubmissionReason: '已补充现场审核记录',
      });
      const r = escalationStateFrom(resubmitted);
      expect(r.caseSummary.facts).toBe('补充：现场审核记录系伪造。');
      expect(r.deadlines['acknowledgement:city_bureau']?.due).toBe(calendar.addWorkingDays('2026-03-09', 3).date);
    });

    it('withdrawing to abandon closes the escalation as withdrawn', () => {
      const events = givenEscalation(submitted())
        .when({ type: 'WithdrawEscalation', withdrawnOn: '2026-03-04', reason: '当事人已整改', intent: 'abandon' }, '2026-03-04', head)
        .thenEvents();
      expect(events.at(-1)).toMatchObject({ type: 'EscalationClosed', payload: { outcome: 'withdrawn', decidedByLevel: null } });
    });
  });

  describe('the clock: reminders, then the bureau head', () => {
    it('no acknowledgement: 科长 the day after, again every two working days, then 局长', () => {
      const history = submitted();
      const state = escalationStateFrom(history);
      const ack = state.deadlines['acknowledgement:city_bureau'];
      if (!ack?.bureauHeadOn) throw new Error('acknowledgement deadline must escalate');
      expect(ack.reminderOn).toEqual([calendar.addWorkingDays(ack.due, 2).date, calendar.addWorkingDays(ack.due, 4).date]);
      expect(ack.bureauHeadOn).toBe(calendar.addWorkingDays(ack.due, 5).date);

      const tick = (history: EscalationEvent[], on: string) => givenEscalation(history).when({ type: 'Tick' }, on, system).thenEvents();
      expect(tick(history, ack.due)).toEqual([]);
      expect(nextEscalationWakeUp(state, noonOn(ack.due))).toBe(startOfShanghaiDay(addDays(ack.due, 1)));

      const all: EscalationEvent[] = [...history];
      const days = [addDays(ack.due, 1), ...ack.reminderOn, addDays(ack.bureauHeadOn, 1)];
      for (const day of days) {
        const raised = tick(all, day);
        expect(raised).toHaveLength(1);
        expect(tick(all, addDays(day, -1))).toEqual([]);
        all.push(...raised);
      }
      expect(ofType(all, 'EscalationNoticeRaised').map((n) => [n.payload.recipientRole, n.payload.deadlineKind])).toEqual([
        ['section_chief', 'acknowledgement:city_bureau'],
        ['section_chief', 'acknowledgement:city_bureau'],
        ['section_chief', 'acknowledgement:city_bureau'],
        ['bureau_head', 'acknowledgement:city_bureau'],
      ]);
      expect(ofType(all, 'EscalationNoticeRaised')[1]?.payload.message).toContain('第2次催办');
      expect(nextEscalationWakeUp(escalationStateFrom(all), noonOn(addDays(ack.bureauHeadOn, 1)))).toBeNull();
    });

    it('a late acknowledgement stops the chase of that deadline; only the system may tick', () => {
      const history = submitted();
      const ack = escalationStateFrom(history).deadlines['acknowledgement:city_bureau'];
      if (!ack) throw new Error('no deadline');
      const late = runEscalation(
        [
          {
            command: { type: 'RecordAcknowledgement', acknowledgedOn: addDays(ack.due, 3), acknowledgedBy: '市局' },
            on: addDays(ack.due, 3),
          },
        ],
        history,
      );
      expect(givenEscalation(late).when({ type: 'Tick' }, addDays(ack.due, 4), system).thenEvents()).toEqual([]);
      givenEscalation(late).when({ type: 'Tick' }, addDays(ack.due, 4), officer).thenRefused('ROLE_NOT_ENTITLED');
    });
  });

  describe('read model and outbound document', () => {
    it('the registered projection shows the level in the stage and the open deadlines', () => {
      const projection = caseProjections[ESCALATION_CASE_TYPE];
      if (!projection) throw new Error('escalation projection not registered');
      const history = runEscalation(
        [{ command: { type: 'RecordAcknowledgement', acknowledgedOn: '2026-03-04', acknowledgedBy: '市局' }, on: '2026-03-04' }],
        submitted(),
      );
      const state = history.reduce(
        (s, e, i) =>
          projection.evolve(s, {
            eventId: `E-1:${i + 1}`,
            caseId: 'E-1',
            caseType: ESCALATION_CASE_TYPE,
            bureauId: 'b',
            seq: i + 1,
            type: e.type,
            schemaVersion: 1,
            occurredAt: new Date(noonOn('2026-03-04')).toISOString(),
            actor: officer,
            payload: e.payload,
          }),
        projection.initialState(),
      );
      const view = projection.view(state);
      expect(view).toMatchObject({
        caseType: ESCALATION_CASE_TYPE,
        stage: 'acknowledged:city_bureau',
        procedure: 'cnca',
        partyName: '某认证有限公司',
      });
      expect(view.deadlines.map((d) => d.kind)).toEqual(['answer:city_bureau']);
    });

    it('each submission builds a self-contained versioned document', () => {
      const events = submitted();
      const sub = ofType(events, 'EscalationSubmitted')[0];
      if (!sub) throw new Error('no submission');
      const doc = escalationDocumentFor(escalationStateFrom(events), sub.payload, {
        escalationId: 'ESC-1',
        bureauId: 'district-1',
        bureauNameZh: '某区质量技术监督局',
        replyChannel: 'escalations.inbound',
      });
      expect(escalationDocumentV1Schema.parse(doc)).toEqual(doc);
      expect(doc).toMatchObject({
        version: 1,
        documentId: 'ESC-1:city_bureau-1',
        toLevel: { key: 'city_bureau', nameZh: '市质监局' },
        chain: ['city_bureau', 'province', 'cnca'],
        submittedOn: '2026-03-03',
        replyTo: { escalationId: 'ESC-1', channel: 'escalations.inbound', acknowledgeBy: '2026-03-06' },
      });
      expect(doc.caseSummary.caseId).toBe('PEN-2026-0042');
    });
  });
});
