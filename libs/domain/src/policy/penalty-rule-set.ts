import type { IsoDate } from '../shared/iso-date';
import { isDomainError, type DomainError } from '../shared/domain-error';
import { inForceOn, type PolicyEntry, type Versioned } from './effective-dated';
import { penaltyPolicy, type PenaltyPolicyKey, type PenaltyRuleValue } from './penalty-rules';

/** Every rule as of one date; a rule is read only when an act uses it (see `penaltyRulesOn`). */
export type PenaltyRuleSet = { [K in PenaltyPolicyKey]: Versioned<PenaltyRuleValue<K>> } & { resolvedOn: IsoDate };

/** What a case records when it opens: each rule in force on the opening date, a rule not yet in force left out. */
export type RecordedPenaltyRules = { [K in PenaltyPolicyKey]?: Versioned<PenaltyRuleValue<K>> } & { resolvedOn: IsoDate };

/** An act used a rule that had no version in force on the date it concerns; the decider turns it into its refusal. */
export class RuleNotInForce extends Error {
  constructor(readonly refusal: DomainError) {
    super(refusal.message);
  }
}

function ruleOn(key: PenaltyPolicyKey, date: IsoDate): Versioned<unknown> | DomainError {
  return inForceOn(key, penaltyPolicy[key] as PolicyEntry<unknown>, date);
}

/**
 * The rules as of `date`, each resolved per rule when it is read: an act dated before a rule existed is refused
 * naming that rule (thrown as RuleNotInForce), never a rule the act does not use. Never store the object itself.
 */
export function penaltyRulesOn(date: IsoDate): PenaltyRuleSet {
  const rules: Record<string, unknown> = { resolvedOn: date };
  for (const key of Object.keys(penaltyPolicy) as PenaltyPolicyKey[]) {
    Object.defineProperty(rules, key, {
      enumerable: false,
      get: () => {
        const v = ruleOn(key, date);
        if (isDomainError(v)) throw new RuleNotInForce(v);
        return v;
      },
    });
  }
  return rules as PenaltyRuleSet;
}

/** The rules in force on `date` as a case records them when it opens (程序从新: each act later follows its own date). */
export function resolvePenaltyRules(date: IsoDate): RecordedPenaltyRules {
  const out: Record<string, unknown> = { resolvedOn: date };
  for (const key of Object.keys(penaltyPolicy) as PenaltyPolicyKey[]) {
    const v = ruleOn(key, date);
    if (!isDomainError(v)) out[key] = v;
  }
  return out as RecordedPenaltyRules;
}
