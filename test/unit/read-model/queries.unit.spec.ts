import { assertSchemaName, buildCaseListQuery, buildDeskCountsQuery, buildNoticeListQuery, pageOf, todayInShanghai } from '@qts/read-model';

const squash = (sql: string) => sql.replace(/\s+/g, ' ').trim();

describe('buildCaseListQuery', () => {
  it('lists everything, most recently changed first, with today as $1', () => {
    const q = buildCaseListQuery('read_model', {}, '2025-04-15');
    expect(q.values).toEqual(['2025-04-15', 50, 0]);
    expect(squash(q.text)).toMatch(/FROM "read_model"\."cases" ORDER BY updated_at DESC, case_id ASC LIMIT \$2 OFFSET \$3$/);
  });

  it('filters by type, stage, section, bureau and closed with parameters, never with literals', () => {
    const q = buildCaseListQuery(
      'rm',
      { caseType: "penalty'; DROP", stage: 'payment', section: 'quality', bureauId: 'd1', closed: false, limit: 10, offset: 20 },
      '2025-04-15',
    );
    expect(q.values).toEqual(['2025-04-15', "penalty'; DROP", 'payment', 'quality', 'd1', false, 10, 20]);
    expect(squash(q.text)).toContain('WHERE case_type = $2 AND stage = $3 AND section = $4 AND bureau_id = $5 AND closed = $6 ORDER BY');
  });

  it('judges overdue by the earliest open deadline against today, most overdue first', () => {
    const overdue = squash(buildCaseListQuery('rm', { overdue: true }, '2025-04-15').text);
    expect(overdue).toContain('WHERE next_due < $1::date ORDER BY next_due ASC, case_id ASC');
    expect(squash(buildCaseListQuery('rm', { overdue: false }, '2025-04-15').text)).toContain(
      'WHERE (next_due IS NULL OR next_due >= $1::date)',
    );
  });
});

describe('buildNoticeListQuery', () => {
  it('filters notices and lists the newest first', () => {
    const q = buildNoticeListQuery('rm', { recipientRole: 'bureau_head', level: 'missed', caseId: 'PEN-1' });
    expect(q.values).toEqual(['PEN-1', 'bureau_head', 'missed', 50, 0]);
    expect(squash(q.text)).toMatch(
      /WHERE case_id = \$1 AND recipient_role = \$2 AND level = \$3 ORDER BY raised_at DESC, event_id DESC LIMIT \$4 OFFSET \$5$/,
    );
  });

  it('a chief’s desk: the notices of the cases their section owns, the section as a parameter', () => {
    const q = buildNoticeListQuery('rm', { recipientRole: 'section_chief', section: 'quality' });
    expect(q.values).toEqual(['section_chief', 'quality', 50, 0]);
    expect(squash(q.text)).toContain(
      'WHERE recipient_role = $1 AND EXISTS (SELECT 1 FROM "rm"."cases" c WHERE c.case_id = n.case_id AND c.section = $2)',
    );
  });
});

describe('paging and names', () => {
  it('clamps pages', () => {
    expect(pageOf(undefined, undefined)).toEqual({ limit: 50, offset: 0 });
    expect(pageOf(0, -5)).toEqual({ limit: 1, offset: 0 });
    expect(pageOf(10_000, 3)).toEqual({ limit: 500, offset: 3 });
  });

  it('accepts only plain schema names', () => {
    expect(assertSchemaName('read_model_rebuild_20250301t081500')).toBe('read_model_rebuild_20250301t081500');
    for (const bad of ['Read', 'a-b', 'x"; DROP SCHEMA y', '', '1abc']) expect(() => assertSchemaName(bad)).toThrow(RangeError);
  });

  it('takes today in Asia/Shanghai', () => {
    expect(todayInShanghai(Date.UTC(2025, 2, 3, 15, 59))).toBe('2025-03-03');
    expect(todayInShanghai(Date.UTC(2025, 2, 3, 16, 0))).toBe('2025-03-04');
  });
});

describe('the case list total and the desk counts (performance: docs/performance.md)', () => {
  it('counts the total with a subquery of the same filter, not a window over every matching row', () => {
    const text = squash(buildCaseListQuery('rm', { overdue: true, section: 'quality' }, '2025-04-15').text);
    expect(text).not.toContain('OVER ()');
    expect(text).toContain('(SELECT count(*) FROM "rm"."cases" WHERE section = $2 AND next_due < $1::date) AS total');
  });

  it('desk counts read the kept counts (not the cases), by section and stage, overdue judged against $1', () => {
    const text = squash(buildDeskCountsQuery('rm'));
    expect(text).toContain('coalesce(sum(open) FILTER (WHERE next_due < $1::date), 0) AS overdue');
    expect(text).toContain('FROM "rm"."desk_counts" GROUP BY section, stage HAVING sum(open) > 0');
    expect(text).not.toContain('"rm"."cases"');
  });
});
