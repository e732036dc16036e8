import { BOUNDARY_MATTERS, BOUNDARY_TABLE, proposeOwningDepartments } from '@qts/domain';

describe('boundary routing (职责边界)', () => {
  it('holds the six matters of the seed, each with the bureau’s own share', () => {
    expect(BOUNDARY_MATTERS).toHaveLength(6);
    for (const matter of BOUNDARY_MATTERS) {
      expect(BOUNDARY_TABLE[matter].shares.some((s) => s.department === 'quality_supervision')).toBe(true);
    }
    expect(BOUNDARY_TABLE.fireworks.shares.find((s) => s.department === 'quality_supervision')?.shareZh).toBe(
      '负责烟花爆竹的质量监督检查。',
    );
  });

  it('farm machinery: the producer is ours, the seller and the repairer are transferred', () => {
    const proposals = proposeOwningDepartments(
      'farm_machinery_three_guarantees',
      '生产厂家生产的收割机配件不合格，销售给经销商，经销商又销售给维修店，维修店未履行三包义务',
    );
    expect(proposals.map((p) => p.department).sort()).toEqual([
      'agriculture_husbandry',
      'industry_commerce_food_drug',
      'quality_supervision',
    ]);
    expect(proposals.find((p) => p.ownShare)?.departmentZh).toBe('质监局');
  });

  it('hazardous chemicals: a leaking tank with poisoned escorts is split by share, ranked by matches', () => {
    const proposals = proposeOwningDepartments('hazardous_chemicals', '液氯槽罐破裂外泄，押运人员中毒，需救援；槽罐容器产品质量待查');
    const departments = proposals.map((p) => p.department);
    expect(departments[0]).toBe('quality_supervision');
    expect(departments).toEqual(expect.arrayContaining(['health_family_planning', 'transport']));
    expect(departments).not.toContain('industry_commerce_food_drug');
    expect(proposals[0]?.matchedKeywords).toEqual(expect.arrayContaining(['槽罐', '容器', '产品质量']));
  });

  it('an officer’s own tagging counts; no match proposes nothing', () => {
    expect(proposeOwningDepartments('fireworks', { text: '现场情况', categories: ['public_security'] }).map((p) => p.department)).toEqual([
      'public_security',
    ]);
    expect(proposeOwningDepartments('fire_products', '无关内容')).toEqual([]);
  });
});
