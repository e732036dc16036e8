import { WorkingDayCalendar, addDays, type CalendarSnapshot, type IsoDate } from '@qts/domain';
import { buildCalendarSnapshot } from '@qts/holiday-calendar';

function days(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

// 2025 and 2026 come from chinese-days, 2027–2028 from the statute alone: horizon 2026-12-31.
const snapshot = buildCalendarSnapshot({ fromYear: 2025, toYear: 2028, notices: [] });
const calendar = new WorkingDayCalendar(snapshot);

describe('WorkingDayCalendar: the State Council notices for 2025 and 2026', () => {
  // 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）, 2024-11-12
  it.each([
    ['元旦', '2025-01-01', '2025-01-01'],
    ['春节', '2025-01-28', '2025-02-04'],
    ['清明节', '2025-04-04', '2025-04-06'],
    ['劳动节', '2025-05-01', '2025-05-05'],
    ['端午节', '2025-05-31', '2025-06-02'],
    ['国庆节、中秋节', '2025-10-01', '2025-10-08'],
    // 国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04
    ['元旦', '2026-01-01', '2026-01-03'],
    ['春节', '2026-02-15', '2026-02-23'],
    ['清明节', '2026-04-04', '2026-04-06'],
    ['劳动节', '2026-05-01', '2026-05-05'],
    ['端午节', '2026-06-19', '2026-06-21'],
    ['中秋节', '2026-09-25', '2026-09-27'],
    ['国庆节', '2026-10-01', '2026-10-07'],
  ])('%s %s … %s are rest days, known for certain', (_name, from, to) => {
    for (const d of days(from, to)) {
      expect([d, calendar.isWorkingDay(d)]).toEqual([d, false]);
      expect(calendar.isCertain(d)).toBe(true);
    }
  });

  it.each([
    ['2025-01-26', 'Sunday before 春节'],
    ['2025-02-08', 'Saturday after 春节'],
    ['2025-04-27', 'Sunday before 劳动节'],
    ['2025-09-28', 'Sunday before 国庆节'],
    ['2025-10-11', 'Saturday after 国庆节'],
    ['2026-01-04', 'Sunday after 元旦'],
    ['2026-02-14', 'Saturday before 春节'],
    ['2026-02-28', 'Saturday after 春节'],
    ['2026-05-09', 'Saturday after 劳动节'],
    ['2026-09-20', 'Sunday before 国庆节'],
    ['2026-10-10', 'Saturday after 国庆节'],
  ])('%s (%s) is an adjusted working day (调休上班)', (d) => {
    expect(calendar.isWorkingDay(d)).toBe(true);
  });

  it('treats ordinary weekends as rest days and ordinary weekdays as working days', () => {
    expect(calendar.isWorkingDay('2025-03-08')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2025-03-09')).toBe(false); // Sunday
    expect(calendar.isWorkingDay('2025-03-10')).toBe(true); // Monday
    expect(calendar.isWorkingDay('2025-02-05')).toBe(true); // first day back after 春节
    expect(calendar.isWorkingDay('2025-10-09')).toBe(true); // first day back after 国庆节
  });
});

describe('WorkingDayCalendar: counting periods (the day of the act is not counted)', () => {
  it('counts 5 working days across 春节 2025, including the adjusted working Sunday', () => {
    // 01-25 Sat rest; 01-26 Sun works (1); 01-27 (2); 01-28…02-04 rest; 02-05 (3), 02-06 (4), 02-07 (5)
    expect(calendar.addWorkingDays('2025-01-24', 5)).toEqual({ date: '2025-02-07', provisional: false });
  });

  it('counts 5 working days across 国庆节 2025', () => {
    // 09-28 Sun works (1); 09-29 (2); 09-30 (3); 10-01…10-08 rest; 10-09 (4); 10-10 (5)
    expect(calendar.addWorkingDays('2025-09-26', 5)).toEqual({ date: '2025-10-10', provisional: false });
    expect(calendar.workingDaysBetween('2025-09-26', '2025-10-10')).toEqual({ count: 5, provisional: false });
    expect(calendar.workingDaysBetween('2025-10-10', '2025-09-26')).toEqual({ count: -5, provisional: false });
  });

  it('counts the filing limit of 15 working days', () => {
    expect(calendar.addWorkingDays('2026-03-02', 15)).toEqual({ date: '2026-03-23', provisional: false });
    expect(calendar.workingDaysBetween('2026-03-02', '2026-03-23').count).toBe(15);
  });

  it('moves a 15-day period that ends on a holiday to the first working day after it', () => {
    // 2025-09-16 + 15 = 2025-10-01 (国庆节); rest until 10-08
    expect(calendar.addCalendarDays('2025-09-16', 15)).toEqual({ date: '2025-10-09', provisional: false });
    // 2026-02-01 + 15 = 2026-02-16 (除夕); rest until 02-23 (Monday)
    expect(calendar.addCalendarDays('2026-02-01', 15)).toEqual({ date: '2026-02-24', provisional: false });
  });

  it('moves a period that ends on an ordinary weekend to the Monday', () => {
    expect(calendar.addCalendarDays('2025-02-14', 15)).toEqual({ date: '2025-03-03', provisional: false });
  });

  it('keeps a period that ends on an adjusted working Saturday', () => {
    expect(calendar.addCalendarDays('2025-09-26', 15)).toEqual({ date: '2025-10-11', provisional: false });
    expect(calendar.addCalendarDays('2026-02-13', 15)).toEqual({ date: '2026-02-28', provisional: false });
  });

  it('counts months to the corresponding day, or the month end, then past rest days', () => {
    expect(calendar.addCalendarMonths('2025-03-31', 6)).toEqual({ date: '2025-09-30', provisional: false });
    expect(calendar.addCalendarMonths('2025-01-31', 1)).toEqual({ date: '2025-02-28', provisional: false });
    expect(calendar.addCalendarMonths('2025-04-01', 6)).toEqual({ date: '2025-10-09', provisional: false });
    expect(calendar.addCalendarMonths('2025-08-11', 2)).toEqual({ date: '2025-10-11', provisional: false });
  });

  it('returns the start itself for a zero-length period and rejects bad input', () => {
    expect(calendar.addWorkingDays('2025-10-01', 0)).toEqual({ date: '2025-10-01', provisional: false });
    expect(() => calendar.addWorkingDays('2025-10-01', -1)).toThrow(RangeError);
    expect(() => calendar.addCalendarDays('2025-10-01', 1.5)).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('2025-2-3')).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('2025-02-30')).toThrow(RangeError);
  });
});

describe('WorkingDayCalendar: past the horizon', () => {
  it('knows its horizon', () => {
    expect(snapshot.horizon).toBe('2026-12-31');
    expect(calendar.isCertain('2026-12-31')).toBe(true);
    expect(calendar.isCertain('2027-01-01')).toBe(false);
  });

  it('flags a result provisional only when it relied on a day past the horizon', () => {
    // 12-25 Fri (1), 12-28…12-31 (2–5)
    expect(calendar.addWorkingDays('2026-12-24', 5)).toEqual({ date: '2026-12-31', provisional: false });
    // 2027-01-01 is 元旦 (statutory), 01-02/03 a weekend
    expect(calendar.addWorkingDays('2026-12-24', 6)).toEqual({ date: '2027-01-04', provisional: true });
    expect(calendar.addCalendarDays('2026-12-20', 10)).toEqual({ date: '2026-12-30', provisional: false });
    expect(calendar.addCalendarDays('2026-12-20', 12)).toEqual({ date: '2027-01-04', provisional: true });
    expect(calendar.workingDaysBetween('2026-12-24', '2027-01-04')).toEqual({ count: 6, provisional: true });
  });

  it('still applies the statutory holidays of 2027 (除夕 is 腊月廿九, the twelfth month having 29 days)', () => {
    for (const d of [
      '2027-01-01',
      '2027-02-05',
      '2027-02-08',
      '2027-04-05',
      '2027-05-01',
      '2027-05-02',
      '2027-06-09',
      '2027-09-15',
      '2027-10-01',
    ]) {
      expect([d, calendar.isWorkingDay(d)]).toEqual([d, false]);
    }
    expect(calendar.isWorkingDay('2027-02-04')).toBe(true); // the day before 除夕
    expect(calendar.isWorkingDay('2027-02-09')).toBe(true); // the day after 初三: unknown until the notice
    // 2027-01-21 + 15 = 02-05 (除夕, Fri); 02-06/07 weekend; 02-08 初三 → 02-09, which the notice may well move
    expect(calendar.addCalendarDays('2027-01-21', 15)).toEqual({ date: '2027-02-09', provisional: true });
  });

  it('treats days beyond the snapshot as weekends-only, and never as certain', () => {
    const short = new WorkingDayCalendar(buildCalendarSnapshot({ fromYear: 2025, toYear: 2026, notices: [] }));
    expect(short.isWorkingDay('2027-10-01')).toBe(true); // 国庆节, but the snapshot does not reach it
    expect(short.isWorkingDay('2027-10-02')).toBe(false); // Saturday
    expect(short.addCalendarDays('2027-09-30', 2)).toEqual({ date: '2027-10-04', provisional: true });
    expect(short.isCertain('2030-01-02')).toBe(false);
  });

  it('does not treat days before the snapshot as certain either', () => {
    expect(calendar.isCertain('2024-12-31')).toBe(false);
    // 2024-12-31 (1) is outside the snapshot; 2025-01-01 is 元旦; 01-02 (2)
    expect(calendar.addWorkingDays('2024-12-30', 2)).toEqual({ date: '2025-01-02', provisional: true });
  });
});

describe('WorkingDayCalendar: the snapshot it is given', () => {
  it('works from the snapshot after a JSON round trip (as a workflow receives it)', () => {
    const received = JSON.parse(JSON.stringify(snapshot)) as CalendarSnapshot;
    const c = new WorkingDayCalendar(received);
    expect(c.addWorkingDays('2025-01-24', 5)).toEqual({ date: '2025-02-07', provisional: false });
    expect(c.horizon).toBe('2026-12-31');
  });

  it('refuses a snapshot whose horizon claims more than its years know', () => {
    expect(() => new WorkingDayCalendar({ ...snapshot, horizon: '2027-12-31' })).toThrow(/horizon/);
  });

  it('refuses a snapshot with a gap between years', () => {
    const [y2025, , y2027] = snapshot.years;
    expect(() => new WorkingDayCalendar({ years: [y2025!, y2027!], horizon: '2025-12-31' })).toThrow(/consecutive/);
  });

  it('refuses an adjusted working day that is not a weekend', () => {
    const [y2025, ...rest] = snapshot.years;
    const bad = { ...y2025!, workdays: [...y2025!.workdays, '2025-03-10'] };
    expect(() => new WorkingDayCalendar({ years: [bad, ...rest], horizon: snapshot.horizon })).toThrow(/Saturday or Sunday/);
  });
});
