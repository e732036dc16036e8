import type { IsoDate } from '../shared/iso-date';
import { domainError, type DomainError } from '../shared/domain-error';

/** One version of a legal value: what it is, from when, and the text it comes from. */
export interface Versioned<T> {
  effectiveFrom: IsoDate;
  value: T;
  source: string;
}

export interface PolicyEntry<T> {
  descriptionZh: string;
  descriptionEn: string;
  /** ascending by effectiveFrom */
  versions: readonly Versioned<T>[];
}

/** The version in force on `date`, or a refusal naming the rule when none was in force yet. */
export function inForceOn<T>(key: string, entry: PolicyEntry<T>, date: IsoDate): Versioned<T> | DomainError {
  let found: Versioned<T> | undefined;
  for (const v of entry.versions) {
    if (v.effectiveFrom <= date) found = v;
  }
  return (
    found ??
    domainError('NO_RULE_IN_FORCE', `没有在 ${date} 生效的规则 ${key}（${entry.descriptionZh}）/ no rule ${key} in force on ${date}`, {
      key,
      date,
    })
  );
}
