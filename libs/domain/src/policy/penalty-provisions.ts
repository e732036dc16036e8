import type { Fen } from '../shared/money';
import { yuan } from '../shared/money';
import type { IsoDate } from '../shared/iso-date';
import { domainError, isDomainError, type DomainError } from '../shared/domain-error';
import { inForceOn, type PolicyEntry, type Versioned } from './effective-dated';

/** The fine a provision allows: absolute amounts, or a multiple of the goods' value (货值金额) in basis points. */
export type FineRange =
  { kind: 'absolute'; minFen: Fen; maxFen: Fen } | { kind: 'goods_value_multiple'; minBasisPoints: number; maxBasisPoints: number };

export interface Provision extends PolicyEntry<FineRange> {
  titleZh: string;
}

/** Substantive penalty provisions the bureau applies (a catalogue that grows with the bureau's case mix). */
export const penaltyProvisions: Record<string, Provision> = {
  'product-quality-law-art49': {
    titleZh: '生产、销售不符合保障人体健康和人身、财产安全的国家标准、行业标准的产品',
    descriptionZh: '《产品质量法》第四十九条',
    descriptionEn: 'Product Quality Law art. 49: products below mandatory safety standards',
    versions: [
      {
        effectiveFrom: '2000-09-01',
        value: { kind: 'goods_value_multiple', minBasisPoints: 10_000, maxBasisPoints: 30_000 },
        source: '《中华人民共和国产品质量法》第四十九条：并处违法生产、销售产品货值金额等值以上三倍以下的罚款',
      },
    ],
  },
  'product-quality-law-art54': {
    titleZh: '产品标识不符合规定',
    descriptionZh: '《产品质量法》第五十四条',
    descriptionEn: 'Product Quality Law art. 54: product marking does not comply',
    versions: [
      {
        effectiveFrom: '2000-09-01',
        value: { kind: 'goods_value_multiple', minBasisPoints: 0, maxBasisPoints: 3_000 },
        source: '《中华人民共和国产品质量法》第五十四条：可以处违法生产、销售产品货值金额百分之三十以下的罚款',
      },
    ],
  },
  'special-equipment-law-art84': {
    titleZh: '使用未取得许可生产、未经检验或者检验不合格的特种设备等',
    descriptionZh: '《特种设备安全法》第八十四条',
    descriptionEn: 'Special Equipment Safety Law art. 84: using unlicensed or uninspected special equipment',
    versions: [
      {
        effectiveFrom: '2014-01-01',
        value: { kind: 'absolute', minFen: yuan(30_000), maxFen: yuan(300_000) },
        source: '《中华人民共和国特种设备安全法》第八十四条：责令停止使用有关特种设备，处三万元以上三十万元以下罚款',
      },
    ],
  },
};

export interface ApplicableProvision {
  provisionId: string;
  version: Versioned<FineRange>;
  /** 从旧兼从轻: the law at the violation, or the later law in force at the decision when it is lighter */
  basis: 'law_at_violation' | 'later_lighter_law';
}

/** Highest fine a range allows, for comparing how heavy two versions are. */
function ceiling(range: FineRange, goodsValueFen: Fen): Fen {
  return range.kind === 'absolute' ? range.maxFen : Math.floor((goodsValueFen * range.maxBasisPoints) / 10_000);
}

/**
 * 从旧兼从轻 (行政处罚法 第三十七条): apply the law in force when the violation happened,
 * unless the law in force at the decision is lighter.
 */
export function applicableProvision(
  catalogue: Record<string, Provision>,
  provisionId: string,
  violationDate: IsoDate,
  decisionDate: IsoDate,
  goodsValueFen: Fen,
): ApplicableProvision | DomainError {
  const provision = catalogue[provisionId];
  if (!provision) return domainError('UNKNOWN_PROVISION', `未知的处罚依据 ${provisionId} / unknown penalty provision`, { provisionId });
  const atViolation = inForceOn(provisionId, provision, violationDate);
  const atDecision = inForceOn(provisionId, provision, decisionDate);
  if (isDomainError(atDecision)) return atDecision;
  if (isDomainError(atViolation)) {
    return domainError(
      'NOT_AN_OFFENCE_AT_THE_TIME',
      `违法行为发生时（${violationDate}）${provision.descriptionZh} 尚未施行，不予处罚 / the provision was not in force on the violation date`,
      { provisionId, violationDate },
    );
  }
  const lighter = ceiling(atDecision.value, goodsValueFen) < ceiling(atViolation.value, goodsValueFen);
  return lighter
    ? { provisionId, version: atDecision, basis: 'later_lighter_law' }
    : { provisionId, version: atViolation, basis: 'law_at_violation' };
}
