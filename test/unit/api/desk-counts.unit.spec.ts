import { summarise } from '../../../apps/api/src/desk/desk-counts';
import { movesFor } from '../../../apps/api/src/desk/case-moves';
import { PROCESSES, type Principal } from '@qts/domain';
import { leadRegistered } from '../../support/penalty-fixtures';
import { stateFrom } from '../../support/penalty-given-when-then';

describe('desk counts', () => {
  it('adds the cells up by process, stage, section and age, with overdue rates', () => {
    const counts = summarise(
      {
        cells: [
          { caseType: 'penalty', stage: 'lead', section: 'enforcement', age: '0-7', open: 3, overdue: 1 },
          { caseType: 'penalty', stage: 'payment', section: 'quality', age: '>90', open: 1, overdue: 1 },
          { caseType: 'recall', stage: 'in_progress', section: 'enforcement', age: '31-90', open: 4, overdue: 0 },
        ],
        weekly: [{ section: 'enforcement', week: '2026-11-30', opened: 4, closed: 1, overdueNow: 1 }],
      },
      '2026-12-04',
    );
    expect(counts.totals).toEqual({ open: 8, overdue: 2 });
    expect(counts.byProcess.map((p) => [p.caseType, p.label.zh, p.open, p.overdue])).toEqual([
      ['penalty', '行政处罚案件', 4, 2],
      ['recall', expect.any(String), 4, 0],
    ]);
    expect(counts.byStage.find((s) => s.stage === 'lead')?.label.zh).toBe('线索核查');
    expect(counts.bySection).toEqual([
      { section: 'enforcement', open: 7, overdue: 1, overdueRate: 0.143 },
      { section: 'quality', open: 1, overdue: 1, overdueRate: 1 },
    ]);
    expect(counts.byAge.map((a) => [a.age, a.open])).toEqual([
      ['0-7', 3],
      ['8-30', 0],
      ['31-90', 4],
      ['>90', 1],
    ]);
    expect(counts.weekly[0]?.overdueRate).toBe(0.25);
  });
});

describe('moves for a person', () => {
  const penalty = PROCESSES.find((p) => p.caseType === 'penalty');
  const person = (id: string, roles: Principal['roles'], section: Principal['section']): Principal => ({
    id,
    name: id,
    roles,
    section,
    certificate: { number: 'CERT-1', validFrom: '2024-01-01', validTo: '2029-12-31' },
  });

  it('says the officer may not file a lead and why, and the head may, by the filing deadline with its source', () => {
    if (!penalty) throw new Error('no penalty process');
    const lead = stateFrom(leadRegistered());
    const officer = movesFor(
      penalty,
      lead,
      { principal: person('officer-li', ['officer'], 'special_equipment'), caseSection: 'special_equipment', assigned: false },
      '2026-03-03',
    );
    expect(officer.map((m) => [m.command, m.mayISend])).toEqual([
      ['DecideFiling', false],
      ['ExtendFilingPeriod', false],
    ]);
    expect(officer[0]?.reasonIfNot).toContain('局长');
    expect(officer[0]?.deadline?.kind).toBe('filing_decision');
    expect(officer[0]?.dueAt).toBe(officer[0]?.deadline?.due);
    const head = movesFor(
      penalty,
      lead,
      { principal: person('head-wang', ['bureau_head'], null), caseSection: 'special_equipment', assigned: false },
      '2026-03-03',
    );
    expect(head.every((m) => m.mayISend && m.reasonIfNot === undefined)).toBe(true);
    expect(head[0]?.scope).toBe('any_section');
  });
});
