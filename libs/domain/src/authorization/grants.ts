import type { PersonRole } from './principal';
import type { Section } from '../shared/actor';

/**
 * On which cases a grant holds: the person's own section (or a case assigned to them), any section of the
 * bureau, or only when the person belongs to one designated section (e.g. 法制审核 by the office).
 */
export type CaseScope = 'own_section' | 'any_section' | { readonly onlySection: Section };

export interface Grant {
  readonly role: PersonRole;
  readonly scope: CaseScope;
}

/** One row of a policy table: who may (role × scope) and why. */
export interface Rule {
  readonly grants: readonly Grant[];
  /** why: the law that reserves the act, or the bureau's own allocation of work */
  readonly basis: string;
}

export const own = (role: PersonRole): Grant => ({ role, scope: 'own_section' });
export const any = (role: PersonRole): Grant => ({ role, scope: 'any_section' });

export const HANDLERS = [own('officer'), own('section_chief')] as const;
export const HEAD = [any('bureau_head')] as const;
export const CHIEF_OR_HEAD = [own('section_chief'), any('bureau_head')] as const;

export const HANDLED = '承办科室办理（《市场监督管理行政处罚程序规定》）/ handled by the owning section';
export const HEAD_DECIDES = '法律规定由行政机关负责人决定 / the law gives this to the head of the bureau';
