import { yuan } from '@qts/domain';
import { given, head, officer, run, system } from '../../support/penalty-given-when-then';
import { givenEscalation, openCommand, runEscalation, submitted } from '../../support/escalation-given-when-then';

/** 简易程序 with a warning only: the case closes on the day it is decided (no fine, nothing to collect). */
const warningOnly = () =>
  run([
    {
      command: {
        type: 'OpenSummaryCase',
        section: 'quality',
        title: '产品标识不符合规定',
        party: { kind: 'citizen', name: '张三' },
        violationDate: '2026-05-06',
        decidedOn: '2026-05-06',
        provisionId: 'product-quality-law-art54',
        penalty: { kind: 'warning' },
      },
      on: '2026-05-06',
    },
  ]);

/** Transferred to the police on 2026-03-03, acknowledged and accepted on 2026-03-05. */
const acceptedByPolice = () =>
  runEscalation(
    [
      { command: { type: 'RecordAcknowledgement', acknowledgedOn: '2026-03-04', acknowledgedBy: '区公安分局' }, on: '2026-03-04' },
      {
        command: {
          type: 'RecordDecision',
          decidedOn: '2026-03-05',
          decidedBy: '区公安分局',
          outcome: 'accepted_for_investigation',
          reference: '立案告知书',
          answer: '决定立案',
        },
        on: '2026-03-05',
      },
    ],
    submitted({ kind: 'police' }),
  );

/** One set of opening, closing and system-command refusals for every process (shared/decide-guards.ts). */
describe('the guards every process shares', () => {
  it('a record never opened: CASE_NOT_FOUND, named after the process', () => {
    expect(given([]).when({ type: 'Tick' }, '2026-05-06', system).thenRefused('CASE_NOT_FOUND').message).toBe('案件不存在 / no such case');
    expect(givenEscalation([]).when({ type: 'Tick' }, '2026-05-06', system).thenRefused('CASE_NOT_FOUND').message).toBe(
      '上报不存在 / no such escalation',
    );
  });

  it('opened twice: CASE_ALREADY_OPEN', () => {
    const escalation = runEscalation([{ command: openCommand({ kind: 'city_bureau' }, '2026-03-02'), on: '2026-03-02' }]);
    givenEscalation(escalation)
      .when(openCommand({ kind: 'city_bureau' }, '2026-03-02'), '2026-03-02')
      .thenRefused('CASE_ALREADY_OPEN');
    given(warningOnly())
      .when(
        {
          type: 'RegisterLead',
          section: 'quality',
          title: '另一线索',
          party: { kind: 'citizen', name: '张三' },
          discoveredOn: '2026-05-06',
          leadSource: 'inspection',
          summary: '—',
        },
        '2026-05-06',
      )
      .thenRefused('CASE_ALREADY_OPEN');
  });

  it('the clock and the calendar are the system identity’s alone, in every process', () => {
    given(warningOnly()).when({ type: 'Tick' }, '2026-05-07', officer).thenRefused('ROLE_NOT_ENTITLED');
    given(warningOnly()).when({ type: 'RecomputeDeadlines' }, '2026-05-07', head).thenRefused('ROLE_NOT_ENTITLED');
    givenEscalation(submitted()).when({ type: 'Tick' }, '2026-03-04', head).thenRefused('ROLE_NOT_ENTITLED');
    givenEscalation(submitted()).when({ type: 'RecomputeDeadlines' }, '2026-03-04', officer).thenRefused('ROLE_NOT_ENTITLED');
  });

  it('a closed record refuses commands, saying when and how it was closed; the system commands decide nothing', () => {
    const penalty = given(warningOnly())
      .when({ type: 'RecordPayment', paidOn: '2026-05-07', amountFen: yuan(10), reference: 'R', channel: 'officer' }, '2026-05-07')
      .thenRefused('CASE_CLOSED');
    expect(penalty.message).toBe('案件已于 2026-05-06 结案（warning_only）/ the case is closed');
    const escalation = givenEscalation(acceptedByPolice())
      .when({ type: 'WithdrawEscalation', withdrawnOn: '2026-03-06', reason: '—', intent: 'abandon' }, '2026-03-06', head)
      .thenRefused('CASE_CLOSED');
    expect(escalation.message).toBe('上报已于 2026-03-05 办结（accepted_for_investigation）/ the escalation is closed');
    expect(given(warningOnly()).when({ type: 'RecomputeDeadlines' }, '2026-05-07', system).thenEvents()).toEqual([]);
    expect(givenEscalation(acceptedByPolice()).when({ type: 'Tick' }, '2026-03-09', system).thenEvents()).toEqual([]);
  });
});
