import type { Section } from '../shared/actor';
import type { Principal } from './principal';

/**
 * Which cases a person may read (need to know, 《个人信息保护法》第六条 minimum necessary), and whether citizens' ID
 * numbers show in full:
 * - the bureau head: every case, in full;
 * - auditors and the case review committee (案审会): every case, ID numbers masked;
 * - the office (办公室, which does the legal review of every section's cases, 《行政处罚法》第五十八条): every case,
 *   masked outside its own;
 * - officers and chiefs: their own section's cases and those assigned to them, in full;
 * - anyone else (an administrator): none.
 * The bureau's own rule where the law sets none (who besides the handling section may read): a setting to review.
 */
export type ReadScope =
  | { readonly kind: 'all'; readonly unmaskedSections: 'all' | readonly Section[] }
  | { readonly kind: 'sections'; readonly sections: readonly Section[] }
  | { readonly kind: 'none' };

export function readScopeOf(principal: Pick<Principal, 'roles' | 'section'>): ReadScope {
  const has = (role: Principal['roles'][number]) => principal.roles.includes(role);
  if (has('bureau_head')) return { kind: 'all', unmaskedSections: 'all' };
  const handles = (has('officer') || has('section_chief')) && principal.section !== null;
  if (has('auditor') || has('case_review_committee') || (handles && principal.section === 'office'))
    return { kind: 'all', unmaskedSections: handles && principal.section ? [principal.section] : [] };
  if (handles && principal.section) return { kind: 'sections', sections: [principal.section] };
  return { kind: 'none' };
}

/** Whether this reader sees a case of `section` (assigned: the person holds an active assignment to it). */
export function mayRead(scope: ReadScope, section: Section, assigned: boolean): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'sections') return scope.sections.includes(section) || assigned;
  return assigned;
}

/** Whether ID numbers show in full to this reader on a case of `section`. */
export function seesIdNumbers(scope: ReadScope, section: Section, assigned: boolean): boolean {
  if (scope.kind === 'all') return scope.unmaskedSections === 'all' || scope.unmaskedSections.includes(section) || assigned;
  return mayRead(scope, section, assigned);
}

/** 身份证号 masked: the first four and the last four characters kept (the region and the check digits). */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

/** A deep copy with every `idNumber` string masked (case state, event payloads). */
export function withIdNumbersMasked<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => withIdNumbersMasked(v)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        k === 'idNumber' && typeof v === 'string' ? maskIdNumber(v) : withIdNumbersMasked(v as unknown),
      ]),
    ) as T;
  }
  return value;
}
