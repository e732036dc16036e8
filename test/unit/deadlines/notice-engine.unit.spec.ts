import { nextNoticeAt, noticesDue, startOfShanghaiDay, type NoticeDeadline } from '@qts/domain';

const deadline = (over: Partial<NoticeDeadline>): NoticeDeadline => ({
  kind: 'answer:city_bureau',
  labelZh: '市局答复',
  labelEn: 'city bureau answers',
  due: '2027-03-10',
  provisional: false,
  legalSource: '本局规定（测试）',
  escalate: true,
  ...over,
});
const msg = (t: { key: string }) => t.key;

/** One notice mechanism for every process: warning, missed, reminders, the head; nothing for a party's window. */
describe('the deadline notice engine', () => {
  const d = deadline({ warnOn: '2027-03-08', reminderOn: ['2027-03-13', '2027-03-16'], bureauHeadOn: '2027-03-17' });

  it('raises each notice on its day, once, in date order', () => {
    const keys = (today: string, raised: string[] = []) => noticesDue({ d }, raised, today, msg).map((n) => n.noticeKey);
    expect(keys('2027-03-07')).toEqual([]);
    expect(keys('2027-03-08')).toEqual(['answer:city_bureau@2027-03-10:approaching:section_chief']);
    const warned = keys('2027-03-08');
    expect(keys('2027-03-11', warned)).toEqual(['answer:city_bureau@2027-03-10:missed:section_chief']);
    const all = keys('2027-03-18', warned);
    expect(all).toEqual([
      'answer:city_bureau@2027-03-10:missed:section_chief',
      'answer:city_bureau@2027-03-10:reminder-2:section_chief',
      'answer:city_bureau@2027-03-10:reminder-3:section_chief',
      'answer:city_bureau@2027-03-10:missed:bureau_head',
    ]);
    expect(keys('2027-03-18', [...warned, ...all])).toEqual([]);
  });

  it('a warning that comes too late is not raised; the missed notice supersedes it', () => {
    const notices = noticesDue({ d }, [], '2027-03-11', msg);
    expect(notices.map((n) => [n.level, n.recipientRole])).toEqual([['missed', 'section_chief']]);
    expect(notices[0]?.supersedes).toEqual(['answer:city_bureau@2027-03-10:approaching:section_chief']);
  });

  it("a party's window raises nothing, and the clock wakes at the start of the next notice's day", () => {
    expect(noticesDue({ w: deadline({ escalate: false }) }, [], '2027-12-31', msg)).toEqual([]);
    const now = startOfShanghaiDay('2027-03-01');
    expect(nextNoticeAt({ d }, [], now)).toBe(startOfShanghaiDay('2027-03-08'));
    expect(nextNoticeAt({ d }, [], startOfShanghaiDay('2027-03-09'))).toBe(startOfShanghaiDay('2027-03-09'));
    expect(nextNoticeAt({ w: deadline({ escalate: false }) }, [], now)).toBeNull();
  });
});
