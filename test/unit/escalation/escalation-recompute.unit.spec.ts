import { buildCalendarSnapshot } from '@qts/holiday-calendar';
import { WorkingDayCalendar, decideEscalation, isDomainError } from '@qts/domain';
import { NOTICE_2027 } from '../../support/calendar-fixtures';
import { escalationStateFrom, head, noonOn, officer, openCommand, runEscalation, system } from '../../support/escalation-given-when-then';

const withNotice = new WorkingDayCalendar(buildCalendarSnapshot({ fromYear: 2024, toYear: 2028, notices: [NOTICE_2027] }));

/** Submitted to the city bureau on 2026-12-29: its acknowledgement period ends in 2027, past the calendar's horizon. */
const submittedAtYearEnd = () =>
  runEscalation([
    { command: openCommand({ kind: 'city_bureau' }, '2026-12-28'), on: '2026-12-28' },
    { command: { type: 'SubmitEscalation', submittedOn: '2026-12-29' }, on: '2026-12-29', actor: head },
  ]);

describe('escalation response deadlines on a newly loaded calendar', () => {
  it('a provisional acknowledgement deadline is computed again and becomes firm; a second time changes nothing', () => {
    const history = submittedAtYearEnd();
    const before = Object.values(escalationStateFrom(history).deadlines)[0];
    expect(before).toMatchObject({ phase: 'acknowledgement', provisional: true, basis: { from: '2026-12-29' } });
    expect(before?.due.startsWith('2027-')).toBe(true);

    const ctx = { now: noonOn('2026-12-30'), actor: system, calendar: withNotice };
    const events = decideEscalation(escalationStateFrom(history), { type: 'RecomputeDeadlines' }, ctx);
    if (isDomainError(events)) throw new Error(events.message);
    expect(events.map((e) => e.type)).toEqual(['DeadlinesRecomputed']);
    const after = Object.values(escalationStateFrom([...history, ...events]).deadlines)[0];
    expect(after).toMatchObject({ kind: before?.kind, phase: 'acknowledgement', provisional: false, basis: before?.basis });

    expect(decideEscalation(escalationStateFrom([...history, ...events]), { type: 'RecomputeDeadlines' }, ctx)).toEqual([]);
    const byOfficer = decideEscalation(escalationStateFrom(history), { type: 'RecomputeDeadlines' }, { ...ctx, actor: officer });
    expect(isDomainError(byOfficer) && byOfficer.code).toBe('ROLE_NOT_ENTITLED');
  });
});
