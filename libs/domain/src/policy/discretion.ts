import type { Fen } from '../shared/money';
import { domainError, type DomainError } from '../shared/domain-error';
import type { FineRange } from './penalty-provisions';

export type Discretion = 'mitigated' | 'lighter' | 'general' | 'heavier';

export const DISCRETION_SOURCE =
  '本局行政处罚裁量基准（依《市场监督管理行政处罚裁量权适用指导意见》制定）：从轻在法定幅度的30%以下，一般在30%–70%，从重在70%以上；减轻在法定最低限以下';

/** Bands of the legal range (basis points of max − min above min) that each discretion level allows. */
const BANDS: Record<Exclude<Discretion, 'mitigated'>, [number, number]> = {
  lighter: [0, 3_000],
  general: [3_000, 7_000],
  heavier: [7_000, 10_000],
};

export interface FineBounds {
  minFen: Fen;
  maxFen: Fen;
}

export function legalBounds(range: FineRange, goodsValueFen: Fen): FineBounds {
  if (range.kind === 'absolute') return { minFen: range.minFen, maxFen: range.maxFen };
  return {
    minFen: Math.ceil((goodsValueFen * range.minBasisPoints) / 10_000),
    maxFen: Math.floor((goodsValueFen * range.maxBasisPoints) / 10_000),
  };
}

export function discretionBounds(legal: FineBounds, discretion: Discretion): FineBounds {
  if (discretion === 'mitigated') return { minFen: 0, maxFen: Math.max(0, legal.minFen - 1) };
  const [lo, hi] = BANDS[discretion];
  const span = legal.maxFen - legal.minFen;
  return {
    minFen: legal.minFen + Math.floor((span * lo) / 10_000),
    maxFen: legal.minFen + Math.ceil((span * hi) / 10_000),
  };
}

/** A fine must lie within the discretion band, and never above the legal maximum. */
export function checkFine(fineFen: Fen, range: FineRange, goodsValueFen: Fen, discretion: Discretion): DomainError | null {
  const legal = legalBounds(range, goodsValueFen);
  if (fineFen > legal.maxFen) {
    return domainError('FINE_ABOVE_LEGAL_MAXIMUM', `罚款 ${fineFen} 分超出法定最高额 ${legal.maxFen} 分 / fine above the legal maximum`, {
      fineFen,
      ...legal,
    });
  }
  const band = discretionBounds(legal, discretion);
  if (fineFen < band.minFen || fineFen > band.maxFen) {
    return domainError(
      'FINE_OUTSIDE_DISCRETION_BAND',
      `罚款 ${fineFen} 分不在裁量档次「${discretion}」的幅度 ${band.minFen}–${band.maxFen} 分内 / fine outside the discretion band`,
      { fineFen, discretion, ...band, source: DISCRETION_SOURCE },
    );
  }
  return null;
}
