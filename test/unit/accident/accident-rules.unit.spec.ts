import { authorityFor, gradeOf, NOT_AN_ACCIDENT_SOURCE, resolveAccidentRules, isDomainError } from '@qts/domain';

/** The article (and paragraph) each accident rule cites, as checked against the text of the law. */
describe('accident rules: the article next to each value', () => {
  it.each([
    ['extraordinary', 'state_council', '第七十二条第一款'],
    ['major', 'samr', '第七十二条第二款'],
    ['larger', 'province_department', '第七十二条第三款'],
    ['general', 'city_department', '第七十二条第四款'],
  ] as const)('a special-equipment %s accident is led by %s (特种设备安全法 %s: one paragraph a grade)', (grade, lead, article) => {
    const rule = authorityFor('special_equipment', grade);
    expect(rule.lead).toBe(lead);
    expect(rule.source).toBe(`《中华人民共和国特种设备安全法》 ${article}`);
  });

  it('a lift car trapped 2 h is 一般 by 特种设备安全监察条例 第六十四条', () => {
    const hit = gradeOf('special_equipment', {
      deaths: 0,
      seriousInjuries: 0,
      directLossYuan: 0,
      evacuated: 0,
      equipmentEvents: [{ kind: 'lift_car_trapped', hours: 2 }],
    });
    expect(hit).toEqual({ grade: 'general', source: '《特种设备安全监察条例》（2009年修订） 第六十四条' });
  });

  it('the hour and day limits cite 生产安全事故报告和调查处理条例 第九、十、十一、十三、二十七、二十九、三十二条 with their values', () => {
    const rules = resolveAccidentRules('2026-03-02');
    if (isDomainError(rules)) throw new Error(rules.message);
    expect([rules.unitReportHours.value, rules.unitReportHours.source]).toEqual([1, expect.stringContaining('第九条第一款')]);
    expect(rules.perLevelHours.value).toBe(2);
    expect(rules.perLevelHours.source).toContain('第十一条');
    expect(rules.perLevelHours.source).toContain('第十条第二款');
    expect(rules.investigation.value).toEqual({ unit: 'days', count: 60 });
    expect(rules.investigation.source).toMatch(/第二十九条.*第二十七条/);
    expect(rules.maxExtension.value).toEqual({ unit: 'days', count: 60 });
    expect(rules.approval.value).toEqual({ unit: 'days', count: 15 });
    expect(rules.approval.source).toContain('第三十二条第一款');
    expect(rules.followUpWindow.value).toEqual({ unit: 'days', count: 30 });
    expect(rules.followUpWindow.source).toContain('第十三条第二款');
  });

  it('the not-an-accident grounds are 特种设备事故报告和调查处理规定 (总局令第50号) 第三条', () => {
    expect(NOT_AN_ACCIDENT_SOURCE).toBe('《特种设备事故报告和调查处理规定》（国家市场监督管理总局令第50号） 第三条');
  });
});
