import { WorkingDayCalendar, decideDirective, directiveView, isDomainError, resolveDirectiveRules } from '@qts/domain';
import { NOTICE_2027 } from '../../support/calendar-fixtures';
import { buildCalendarSnapshot } from '@qts/holiday-calendar';
import {
  DIRECTIVE_CASE_ID,
  chiefXu,
  directiveCommand,
  emergencyCommand,
  given,
  inspectionCommand,
  noonOn,
  run,
  stateFrom,
  system,
} from '../../support/directive-fixtures';

const withNotice2027 = new WorkingDayCalendar(buildCalendarSnapshot({ fromYear: 2024, toYear: 2028, notices: [NOTICE_2027] }));
const inspected = () => run([{ command: inspectionCommand('2026-03-02'), on: '2026-03-02' }]);
const emergency = () => run([{ command: emergencyCommand('2026-03-02'), on: '2026-03-02' }]);
const seal = (sealedOn: string) =>
  ({ type: 'SealEquipment', sealedOn, measure: 'seize', decisionNo: '扣押〔2026〕2号', reason: '严重事故隐患' }) as const;

describe('directive rules, each with its source', () => {
  it('every rule resolves with a source; the written-directive period is marked a bureau setting', () => {
    const rules = resolveDirectiveRules('2026-03-02');
    if (isDomainError(rules)) throw new Error(rules.message);
    expect(rules.writtenDirectiveAfterEmergency.source).toMatch(/本局规定.*法律未规定期限/);
    expect(rules.reinspection.value).toEqual({ unit: 'working_days', count: 10 });
    expect(rules.seal.source).toContain('第二十五条');
    expect(rules.refusalFine.source).toContain('第三十六条');
    expect(rules.refusalFine.value).toEqual({ minYuan: 5_000, maxYuan: 100_000, serious: { minYuan: 100_000, maxYuan: 200_000 } });
    expect(rules.reinspection.source).toContain('第二十九条第二款');
  });

  it('refuses a re-inspection rule before the 2022 measures were in force (no rule in force)', () => {
    const rules = resolveDirectiveRules('2022-06-30');
    expect(isDomainError(rules) && rules.code).toBe('NO_RULE_IN_FORCE');
  });

  it('refuses an emergency order whose instant is not on its date', () => {
    given([])
      .when(emergencyCommand('2026-03-02', { orderedAt: '2026-03-01T10:00:00+08:00' }), '2026-03-02')
      .thenRefused('ORDERED_AT_NOT_ON_DATE');
  });

  it('refuses a second written directive, and a report before any directive (第六十二条)', () => {
    const issued = run([{ command: directiveCommand('2026-03-03', '2026-03-13'), on: '2026-03-03' }], inspected());
    given(issued).when(directiveCommand('2026-03-04', '2026-03-14'), '2026-03-04').thenRefused('DIRECTIVE_ALREADY_ISSUED');
    const refusal = given(inspected())
      .when({ type: 'RecordRectificationReport', reportedOn: '2026-03-03', summary: '已整改' }, '2026-03-03')
      .thenRefused('WRITTEN_DIRECTIVE_MISSING');
    expect(refusal.message).toContain('第六十二条');
  });

  it('refuses a penalty link for an ordinary finding never refused (第三十六条)', () => {
    given(inspected())
      .when({ type: 'LinkPenaltyCase', penaltyCaseId: 'PEN-1', linkedOn: '2026-03-03' }, '2026-03-03')
      .thenRefused('NOTHING_TO_PENALISE');
  });

  it('refuses to extend a seal after it expired, and to release equipment that is not sealed (行政强制法 第二十五条)', () => {
    const sealed = run([{ command: seal('2026-03-02'), on: '2026-03-02' }], emergency());
    given(sealed)
      .when({ type: 'ExtendSeal', approvedOn: '2026-04-02', days: 10, reason: '检测' }, '2026-04-02', {
        id: 'head-wang',
        role: 'bureau_head',
      })
      .thenRefused('SEAL_ALREADY_EXPIRED');
    given(emergency()).when({ type: 'ReleaseSeal', releasedOn: '2026-03-03', reason: 'x' }, '2026-03-03').thenRefused('NOT_SEALED');
  });

  it('refuses an escalation answer for an escalation the case never started', () => {
    given(emergency())
      .when({ type: 'RecordEscalationOutcome', escalationId: 'ESC-x', outcome: 'approved', decidedOn: '2026-03-05' }, '2026-03-05', system)
      .thenRefused('UNKNOWN_ESCALATION');
  });

  it('refuses to close for the section’s officer (科长审核办结) and closes for the chief', () => {
    const issued = run([{ command: directiveCommand('2026-03-03', '2026-03-13'), on: '2026-03-03' }], inspected());
    given(issued)
      .when({ type: 'CloseDirective', closedOn: '2026-03-04', reason: '设备已报废注销' }, '2026-03-04')
      .thenRefused('ROLE_NOT_ENTITLED');
    const [closed] = given(issued)
      .when({ type: 'CloseDirective', closedOn: '2026-03-04', reason: '设备已报废注销' }, '2026-03-04', chiefXu)
      .thenEvents();
    expect(closed?.type).toBe('DirectiveClosed');
  });

  it('a new calendar computes a provisional written-directive deadline again from its basis, once', () => {
    // ordered on the year's last day: the due date lies in 2027, past the calendar's horizon
    const history = run([{ command: emergencyCommand('2026-12-31'), on: '2026-12-31' }]);
    const before = stateFrom(history).deadlines['written-directive'];
    expect(before).toMatchObject({ provisional: true, basis: { from: '2026-12-31', period: { unit: 'working_days', count: 2 } } });
    const ctx = { now: noonOn('2026-12-31'), actor: system, calendar: withNotice2027, caseId: DIRECTIVE_CASE_ID };
    const events = decideDirective(stateFrom(history), { type: 'RecomputeDeadlines' }, ctx);
    if (isDomainError(events)) throw new Error(events.message);
    expect(events.map((e) => e.type)).toEqual(['DeadlinesRecomputed']);
    const after = stateFrom([...history, ...events]).deadlines['written-directive'];
    expect(after).toMatchObject({ provisional: false, basis: before?.basis });
    expect(after?.inspectorReminderOn).toBeDefined();
    expect(decideDirective(stateFrom([...history, ...events]), { type: 'RecomputeDeadlines' }, ctx)).toEqual([]);
    given(history).when({ type: 'RecomputeDeadlines' }, '2026-12-31').thenRefused('ROLE_NOT_ENTITLED');
  });

  it('projects the equipment so a manager finds it by unit or device, and says which kind of case it is', () => {
    const view = directiveView(stateFrom(run([{ command: seal('2026-03-02'), on: '2026-03-02' }], emergency())));
    expect(view).toMatchObject({
      caseType: 'directive',
      section: 'special_equipment',
      stage: 'awaiting_written_directive',
      procedure: 'sealed',
      partyName: '某物业管理有限公司',
    });
    expect(view.title).toContain('3110310105201906001');
    expect(view.deadlines.map((d) => d.kind).sort()).toEqual(['seal', 'written-directive']);
    expect(DIRECTIVE_CASE_ID).toMatch(/^SED-/);
  });
});
