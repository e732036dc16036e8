import { recallPeriodPolicy } from '@qts/domain';

/** The article each recall period cites, as checked against the text; what could not be found says so. */
describe('recall rules: the article next to each period', () => {
  const source = (category: 'vehicle' | 'consumer_goods', key: keyof (typeof recallPeriodPolicy)['vehicle']): string =>
    recallPeriodPolicy[category][key].versions[0]?.source ?? '';

  it('vehicle progress and summary reports: 缺陷汽车产品召回管理条例 第二十条 (第十八条 is the publication of the recall)', () => {
    for (const key of ['progressInterval', 'summaryAfterCompletion'] as const) {
      expect(source('vehicle', key)).toContain('第二十条');
      expect(source('vehicle', key)).not.toContain('第十八条');
      expect(source('vehicle', key)).toContain('条号未能核实');
    }
  });

  it('the consumer-goods periods whose article could not be found cite the rules without one', () => {
    for (const key of ['producerReport', 'progressInterval', 'summaryAfterCompletion'] as const) {
      expect(source('consumer_goods', key)).toContain('《消费品召回管理暂行规定》');
      expect(source('consumer_goods', key)).toContain('条号未能核实');
      expect(source('consumer_goods', key)).not.toMatch(/暂行规定》[^；]*第.{1,4}条/);
    }
  });

  it('the vehicle objection window is 15 working days (条例 第十五条第二款)', () => {
    const v = recallPeriodPolicy.vehicle.objection.versions[0];
    expect(v?.value).toEqual({ unit: 'working_days', count: 15 });
    expect(v?.source).toContain('第十五条第二款');
  });
});
