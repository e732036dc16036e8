import { buildCalendarSnapshot } from '@qts/holiday-calendar';
import { WorkingDayCalendar, decidePenaltyCase, isDomainError, type PenaltyEvent } from '@qts/domain';
import { NOTICE_2027 } from '../../support/calendar-fixtures';
import { filingTeam, head, noonOn, officer, run, stateFrom, system } from '../../support/penalty-given-when-then';

const withNotice = new WorkingDayCalendar(buildCalendarSnapshot({ fromYear: 2024, toYear: 2028, notices: [NOTICE_2027] }));

/** Filed on 2026-11-22: the 90-day decision limit ends on Saturday 2027-02-20, past the calendar's horizon. */
function filedLate(): PenaltyEvent[] {
  return run([
    {
      command: {
        type: 'RegisterLead',
        section: 'enforcement',
        title: '涉嫌生产不合格产品',
        party: { kind: 'organisation', name: '某厂' },
        discoveredOn: '2026-11-20',
        leadSource: 'inspection',
        summary: '抽检不合格',
      },
      on: '2026-11-20',
      actor: officer,
    },
    {
      command: {
        type: 'DecideFiling',
        decision: 'file',
        decidedOn: '2026-11-22',
        reason: '立案',
        ...filingTeam,
      },
      on: '2026-11-22',
      actor: head,
    },
  ]);
}

describe('provisional deadlines are computed again when the State Council notice is loaded', () => {
  it('a period ending on a Saturday was moved to Monday on statutory holidays alone; the notice makes that Saturday a working day', () => {
    const before = stateFrom(filedLate()).deadlines['decision'];
    expect(before).toMatchObject({
      due: '2027-02-22',
      provisional: true,
      basis: { from: '2026-11-22', period: { unit: 'days', count: 90 } },
    });

    const events = decidePenaltyCase(
      stateFrom(filedLate()),
      { type: 'RecomputeDeadlines' },
      { now: noonOn('2026-12-01'), actor: system, calendar: withNotice },
    );
    if (isDomainError(events)) throw new Error(events.message);
    expect(events.map((e) => e.type)).toEqual(['DeadlinesRecomputed']);
    const after = stateFrom([...filedLate(), ...events]).deadlines['decision'];
    expect(after).toMatchObject({ due: '2027-02-20', provisional: false, legalSource: before?.legalSource });
    // the warning and bureau-head dates follow the new due date on the new calendar
    expect(after?.warnOn && after.warnOn < after.due).toBe(true);
    expect(after?.bureauHeadOn && after.bureauHeadOn > after.due).toBe(true);
  });

  it('nothing to change, nothing recorded; only the system may ask', () => {
    const recomputed = decidePenaltyCase(
      stateFrom(filedLate()),
      { type: 'RecomputeDeadlines' },
      { now: noonOn('2026-12-01'), actor: system, calendar: withNotice },
    );
    if (isDomainError(recomputed)) throw new Error(recomputed.message);
    const again = decidePenaltyCase(
      stateFrom([...filedLate(), ...recomputed]),
      { type: 'RecomputeDeadlines' },
      {
        now: noonOn('2026-12-01'),
        actor: system,
        calendar: withNotice,
      },
    );
    expect(again).toEqual([]);
    const byOfficer = decidePenaltyCase(
      stateFrom(filedLate()),
      { type: 'RecomputeDeadlines' },
      { now: noonOn('2026-12-01'), actor: officer, calendar: withNotice },
    );
    expect(isDomainError(byOfficer) && byOfficer.code).toBe('ROLE_NOT_ENTITLED');
  });
});
