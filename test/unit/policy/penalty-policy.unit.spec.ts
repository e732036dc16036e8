import {
  applicableProvision,
  checkFine,
  inForceOn,
  isDomainError,
  penaltyPolicy,
  resolvePenaltyRules,
  yuan,
  type Provision,
} from '@qts/domain';

describe('effective-dated penalty policy', () => {
  it('summary thresholds change on 2021-07-15 (行政处罚法 第五十一条)', () => {
    const before = inForceOn('summaryFineMax', penaltyPolicy.summaryFineMax, '2021-07-14');
    const after = inForceOn('summaryFineMax', penaltyPolicy.summaryFineMax, '2021-07-15');
    if (isDomainError(before) || isDomainError(after)) throw new Error('expected rules in force');
    expect(before.value).toEqual({ citizen: yuan(50), organisation: yuan(1000) });
    expect(after.value).toEqual({ citizen: yuan(200), organisation: yuan(3000) });
    expect(after.source).toContain('第五十一条');
  });

  it('every value carries a legal source and a resolved rule set names its date', () => {
    const rules = resolvePenaltyRules('2026-11-28');
    expect(rules.resolvedOn).toBe('2026-11-28');
    for (const [key, entry] of Object.entries(penaltyPolicy)) {
      for (const v of entry.versions) expect({ key, source: v.source.length > 0 }).toEqual({ key, source: true });
    }
    expect(rules.lateFeeDailyBasisPoints?.value).toBe(300);
    expect(rules.reconsiderationPeriod?.source).toContain('2023年修订');
  });

  it('a date before any version of a rule is refused, naming the rule', () => {
    const r = inForceOn('filingDecision', penaltyPolicy.filingDecision, '2020-01-01');
    expect(isDomainError(r) && r.code).toBe('NO_RULE_IN_FORCE');
  });
});

describe('从旧兼从轻 (law at the violation unless the later law is lighter)', () => {
  const catalogue: Record<string, Provision> = {
    'test-provision': {
      titleZh: '测试条款',
      descriptionZh: '测试',
      descriptionEn: 'test',
      versions: [
        { effectiveFrom: '2020-01-01', value: { kind: 'absolute', minFen: yuan(1000), maxFen: yuan(10_000) }, source: 'old law' },
        { effectiveFrom: '2025-01-01', value: { kind: 'absolute', minFen: yuan(500), maxFen: yuan(5_000) }, source: 'new lighter law' },
        {
          effectiveFrom: '2026-01-01',
          value: { kind: 'absolute', minFen: yuan(2000), maxFen: yuan(50_000) },
          source: 'newest heavier law',
        },
      ],
    },
  };
  it('applies the later law when it is lighter', () => {
    const a = applicableProvision(catalogue, 'test-provision', '2024-06-01', '2025-06-01', 0);
    expect(!isDomainError(a) && [a.basis, a.version.source]).toEqual(['later_lighter_law', 'new lighter law']);
  });
  it('keeps the law at the violation when the later law is heavier', () => {
    const a = applicableProvision(catalogue, 'test-provision', '2025-06-01', '2026-06-01', 0);
    expect(!isDomainError(a) && [a.basis, a.version.source]).toEqual(['law_at_violation', 'new lighter law']);
  });
  it('refuses a violation before the provision existed', () => {
    const a = applicableProvision(catalogue, 'test-provision', '2019-06-01', '2026-06-01', 0);
    expect(isDomainError(a) && a.code).toBe('NOT_AN_OFFENCE_AT_THE_TIME');
  });
});

describe('discretion bands (裁量基准)', () => {
  const range = { kind: 'goods_value_multiple' as const, minBasisPoints: 10_000, maxBasisPoints: 30_000 };
  it('computes the legal range from the goods value and checks the band', () => {
    // goods worth 10,000 yuan: 10,000–30,000; lighter band up to 16,000
    expect(checkFine(yuan(12_000), range, yuan(10_000), 'lighter')).toBeNull();
    expect(checkFine(yuan(17_000), range, yuan(10_000), 'lighter')?.code).toBe('FINE_OUTSIDE_DISCRETION_BAND');
    expect(checkFine(yuan(30_001), range, yuan(10_000), 'heavier')?.code).toBe('FINE_ABOVE_LEGAL_MAXIMUM');
    expect(checkFine(yuan(9_000), range, yuan(10_000), 'mitigated')).toBeNull();
  });
});
