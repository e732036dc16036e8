import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import {
  WorkingDayCalendar,
  addDays,
  calendarSnapshotSchema,
  dayOfWeek,
  stateCouncilNoticeSchema,
  type IsoDate,
  type StateCouncilNotice,
} from '@qts/domain';
import { buildCalendarSnapshot, checkNoticeAgainstStatute, libraryYears, statutoryHolidays } from '@qts/holiday-calendar';
import { NOTICE_2027 } from '../../support/calendar-fixtures';

function days(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

// 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04), as an administrator would transcribe it.
const notice2026: StateCouncilNotice = {
  year: 2026,
  title: '国务院办公厅关于2026年部分节假日安排的通知',
  holidays: [
    { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
    { name: '春节', from: '2026-02-15', to: '2026-02-23' },
    { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
    { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
    { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
    { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
    { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
  ],
  workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};

// NOT the real 2027 arrangement: a made-up notice in the shape of the 2025 principles, to exercise loading.
const hypothetical2027: StateCouncilNotice = NOTICE_2027;

describe('buildCalendarSnapshot: where each year comes from', () => {
  const snapshot = buildCalendarSnapshot({ fromYear: 2025, toYear: 2028, notices: [] });

  it('takes 2025–2026 from chinese-days and falls back to the statute for 2027–2028', () => {
    expect(snapshot.years.map((y) => [y.year, y.source])).toEqual([
      [2025, 'library'],
      [2026, 'library'],
      [2027, 'statutory-only'],
      [2028, 'statutory-only'],
    ]);
    expect(snapshot.horizon).toBe('2026-12-31');
    expect(snapshot.years[0]?.sourceNote).toContain('chinese-days@1.5.7');
    expect(snapshot.years[2]?.sourceNote).toContain('全国年节及纪念日放假办法');
    expect(snapshot.years[2]?.workdays).toEqual([]);
  });

  it('knows that chinese-days 1.5.7 covers 2004–2026', () => {
    expect(libraryYears()).toEqual(
      days('2004-01-01', '2026-01-01')
        .filter((d) => d.endsWith('-01-01'))
        .map((d) => Number(d.slice(0, 4))),
    );
  });

  it('lists weekday rest days plus statutory holidays on any day, and the adjusted working weekends', () => {
    const y2026 = snapshot.years[1]!;
    expect(y2026.workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(y2026.holidays).toContain('2026-04-05'); // 清明, a Sunday
    expect(y2026.holidays).not.toContain('2026-04-04'); // a Saturday in the block, not a statutory holiday
    for (const d of y2026.holidays) expect(d.startsWith('2026-')).toBe(true);
    expect(y2026.holidays).toEqual([...new Set(y2026.holidays)].sort());
  });

  it('is plain JSON that satisfies its schema', () => {
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(calendarSnapshotSchema.parse(snapshot)).toEqual(snapshot);
  });

  it('has no certain day when the first year is already statutory-only', () => {
    const s = buildCalendarSnapshot({ fromYear: 2027, toYear: 2028, notices: [] });
    expect(s.horizon).toBe('2026-12-31');
    expect(new WorkingDayCalendar(s).isCertain('2027-03-01')).toBe(false);
  });

  it('refuses an impossible range', () => {
    expect(() => buildCalendarSnapshot({ fromYear: 2027, toYear: 2026, notices: [] })).toThrow(RangeError);
    expect(() => buildCalendarSnapshot({ fromYear: 2025, toYear: 2100, notices: [] })).toThrow(RangeError);
  });
});

describe('statutory holidays (全国年节及纪念日放假办法)', () => {
  it('gives the 2025 statutory holidays of the 2024 revision', () => {
    expect(statutoryHolidays(2025)).toEqual([
      { name: '元旦', date: '2025-01-01' },
      { name: '春节', date: '2025-01-28' }, // 除夕 (腊月廿九), as the 2025 notice says
      { name: '春节', date: '2025-01-29' },
      { name: '春节', date: '2025-01-30' },
      { name: '春节', date: '2025-01-31' },
      { name: '清明节', date: '2025-04-04' },
      { name: '劳动节', date: '2025-05-01' },
      { name: '劳动节', date: '2025-05-02' },
      { name: '端午节', date: '2025-05-31' },
      { name: '国庆节', date: '2025-10-01' },
      { name: '国庆节', date: '2025-10-02' },
      { name: '国庆节', date: '2025-10-03' },
      { name: '中秋节', date: '2025-10-06' },
    ]);
  });

  it('puts 除夕 on the last day of the twelfth lunar month whether it has 29 or 30 days', () => {
    const eve = (y: number) => statutoryHolidays(y).find((h) => h.name === '春节')?.date;
    expect(eve(2026)).toBe('2026-02-16'); // 腊月廿九; the 2026 notice's block starts the day before (腊月二十八)
    expect(eve(2027)).toBe('2027-02-05'); // 腊月廿九; 正月初一 is 2027-02-06
    expect(eve(2030)).toBe('2030-02-02'); // 腊月三十; 正月初一 is 2030-02-03
  });

  it('computes the 2027 statutory holidays from the lunar calendar and the solar terms', () => {
    expect(statutoryHolidays(2027).map((h) => `${h.name} ${h.date}`)).toEqual([
      '元旦 2027-01-01',
      '春节 2027-02-05',
      '春节 2027-02-06',
      '春节 2027-02-07',
      '春节 2027-02-08',
      '清明节 2027-04-05',
      '劳动节 2027-05-01',
      '劳动节 2027-05-02',
      '端午节 2027-06-09',
      '中秋节 2027-09-15',
      '国庆节 2027-10-01',
      '国庆节 2027-10-02',
      '国庆节 2027-10-03',
    ]);
  });

  it('lists a day once when two festivals fall on it (中秋节 2028 is 10-03)', () => {
    expect(
      statutoryHolidays(2028)
        .filter((h) => h.date === '2028-10-03')
        .map((h) => h.name),
    ).toEqual(['中秋节', '国庆节']);
    const y2028 = buildCalendarSnapshot({ fromYear: 2028, toYear: 2028, notices: [] }).years[0]!;
    expect(y2028.holidays.filter((d) => d === '2028-10-03')).toHaveLength(1);
  });

  it('agrees with every notice chinese-days transcribes (2004–2026), under the revision then in force', () => {
    const snapshot = buildCalendarSnapshot({ fromYear: 2004, toYear: 2026, notices: [] });
    const calendar = new WorkingDayCalendar(snapshot);
    for (const y of snapshot.years) {
      expect(y.source).toBe('library');
      for (const h of statutoryHolidays(y.year)) {
        expect([h.name, h.date, calendar.isWorkingDay(h.date)]).toEqual([h.name, h.date, false]);
      }
    }
    // the revisions: 春节 from 除夕 in 2008–2013 and from 2025, from 初一 otherwise; 劳动节 3, 1, then 2 days
    expect(statutoryHolidays(2013).filter((h) => h.name === '春节')[0]?.date).toBe('2013-02-09'); // 除夕
    expect(statutoryHolidays(2014).filter((h) => h.name === '春节')[0]?.date).toBe('2014-01-31'); // 初一
    expect(statutoryHolidays(2007).filter((h) => h.name === '劳动节')).toHaveLength(3);
    expect(statutoryHolidays(2007).some((h) => h.name === '中秋节')).toBe(false);
    expect(statutoryHolidays(2024).filter((h) => h.name === '劳动节')).toHaveLength(1);
  });
});

describe('State Council notices', () => {
  it('a loaded notice takes precedence over the library, and the real 2026 notice matches it', () => {
    const fromNotice = buildCalendarSnapshot({ fromYear: 2026, toYear: 2026, notices: [notice2026] }).years[0]!;
    const fromLibrary = buildCalendarSnapshot({ fromYear: 2026, toYear: 2026, notices: [] }).years[0]!;
    expect(fromNotice.source).toBe('notice');
    expect(fromNotice.sourceNote).toContain('国务院办公厅关于2026年部分节假日安排的通知');
    expect(fromNotice.holidays).toEqual(fromLibrary.holidays);
    expect(fromNotice.workdays).toEqual(fromLibrary.workdays);
  });

  it('a loaded notice changes the calendar where it differs from the library', () => {
    // hypothetical amendment: 2026-02-28 no longer an adjusted working Saturday
    const amended = { ...notice2026, workdays: notice2026.workdays.filter((d) => d !== '2026-02-28') };
    const calendar = new WorkingDayCalendar(buildCalendarSnapshot({ fromYear: 2026, toYear: 2026, notices: [amended] }));
    expect(calendar.isWorkingDay('2026-02-28')).toBe(false);
    expect(calendar.addCalendarDays('2026-02-13', 15)).toEqual({ date: '2026-03-02', provisional: false });
  });

  it('loading the next year’s notice extends the horizon and settles provisional results', () => {
    const before = new WorkingDayCalendar(buildCalendarSnapshot({ fromYear: 2026, toYear: 2028, notices: [] }));
    const after = new WorkingDayCalendar(buildCalendarSnapshot({ fromYear: 2026, toYear: 2028, notices: [hypothetical2027] }));
    expect(after.horizon).toBe('2027-12-31');
    expect(before.addCalendarDays('2027-01-21', 15)).toEqual({ date: '2027-02-09', provisional: true });
    expect(after.addCalendarDays('2027-01-21', 15)).toEqual({ date: '2027-02-15', provisional: false }); // rest 02-05…02-12, then a weekend
    expect(after.isWorkingDay('2027-02-20')).toBe(true); // its adjusted working Saturday
  });

  it('a notice for a later year alone does not extend the horizon past an unknown year', () => {
    // NOT the real 2028 arrangement either
    const hypothetical2028: StateCouncilNotice = {
      year: 2028,
      title: '国务院办公厅关于2028年部分节假日安排的通知',
      holidays: [
        { name: '元旦', from: '2028-01-01', to: '2028-01-01' },
        { name: '春节', from: '2028-01-25', to: '2028-02-01' },
        { name: '清明节', from: '2028-04-04', to: '2028-04-04' },
        { name: '劳动节', from: '2028-05-01', to: '2028-05-05' },
        { name: '端午节', from: '2028-05-28', to: '2028-05-28' },
        { name: '国庆节、中秋节', from: '2028-10-01', to: '2028-10-08' },
      ],
      workdays: [],
    };
    const s = buildCalendarSnapshot({ fromYear: 2026, toYear: 2028, notices: [hypothetical2028] });
    expect(s.years.map((y) => y.source)).toEqual(['library', 'statutory-only', 'notice']);
    expect(s.horizon).toBe('2026-12-31');
    const calendar = new WorkingDayCalendar(s);
    expect(calendar.isWorkingDay('2028-01-31')).toBe(false);
    expect(calendar.isCertain('2028-01-31')).toBe(false);
  });

  it('refuses a notice that leaves out a statutory holiday', () => {
    const withoutMidAutumn = { ...hypothetical2027, holidays: hypothetical2027.holidays.filter((h) => h.name !== '中秋节') };
    const refusal = checkNoticeAgainstStatute(withoutMidAutumn);
    expect(refusal).toMatchObject({ kind: 'DomainError', code: 'NOTICE_MISSES_STATUTORY_HOLIDAY' });
    expect(refusal?.message).toContain('中秋节 2027-09-15');
    expect(checkNoticeAgainstStatute(hypothetical2027)).toBeUndefined();
    expect(() => buildCalendarSnapshot({ fromYear: 2027, toYear: 2027, notices: [withoutMidAutumn] })).toThrow(/中秋节 2027-09-15/);
  });

  it('refuses two notices for one year', () => {
    expect(() => buildCalendarSnapshot({ fromYear: 2026, toYear: 2027, notices: [notice2026, notice2026] })).toThrow(
      /two State Council notices/,
    );
  });

  it.each<[string, Partial<StateCouncilNotice>, RegExp]>([
    ['a block that ends before it starts', { holidays: [{ name: '元旦', from: '2026-01-03', to: '2026-01-01' }] }, /before/],
    ['a date in another year', { holidays: [{ name: '元旦', from: '2025-12-31', to: '2026-01-03' }] }, /not in 2026/],
    ['a working day on a weekday', { workdays: ['2026-01-05'] }, /Saturday or Sunday/],
    ['a working day inside a rest block', { workdays: ['2026-02-15'] }, /inside the 春节/],
    ['a title for another year', { title: '国务院办公厅关于2025年部分节假日安排的通知' }, /does not name the year/],
    ['an impossible date', { workdays: ['2026-02-29'] }, /not a real calendar date/],
  ])('the notice schema refuses %s', (_what, change, message) => {
    const result = stateCouncilNoticeSchema.safeParse({ ...notice2026, ...change });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toMatch(message);
  });

  it('the notice schema accepts the real 2026 notice', () => {
    expect(stateCouncilNoticeSchema.parse(notice2026)).toEqual(notice2026);
    expect(notice2026.workdays.every((d) => dayOfWeek(d) === 0 || dayOfWeek(d) === 6)).toBe(true);
  });
});

describe('buildCalendarSnapshot: independent of the process time zone', () => {
  // chinese-days' own date functions shift by a day west of UTC; the builder must not.
  it.each(['America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Shanghai'])('gives the same snapshot with TZ=%s', (tz) => {
    const script = `
      const { buildCalendarSnapshot } = require('@qts/holiday-calendar');
      process.stdout.write(JSON.stringify(buildCalendarSnapshot({ fromYear: 2024, toYear: 2030, notices: [] })));`;
    const child = spawnSync(process.execPath, ['-e', script], {
      cwd: path.resolve(__dirname, '../../..'),
      env: { ...process.env, TZ: tz },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual(buildCalendarSnapshot({ fromYear: 2024, toYear: 2030, notices: [] }));
  });
});
