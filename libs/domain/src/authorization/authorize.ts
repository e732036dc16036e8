import type { IsoDate } from '../shared/iso-date';
import { ROLE_NAMES, SECTION_NAMES, type Section } from '../shared/actor';
import { certificateValidOn, type PersonRole, type Principal } from './principal';
import type { CaseScope, Grant, Rule } from './command-policy';

export interface AuthorizationRequest {
  /** what is asked, for the message: a command type or an action name */
  readonly action: string;
  readonly rule: Rule;
  readonly principal: Principal;
  /** the section owning the case acted on; absent for actions that touch no case */
  readonly caseSection?: Section;
  /** the person holds an assignment (指派) to this case */
  readonly assigned?: boolean;
  readonly today: IsoDate;
}

export type AuthorizationDecision =
  | { readonly allowed: true; readonly role: PersonRole }
  | { readonly allowed: false; readonly code: RefusalCode; readonly message: string; readonly details: Record<string, unknown> };

export type RefusalCode = 'ROLE_NOT_PERMITTED' | 'SECTION_NOT_PERMITTED' | 'CERTIFICATE_REQUIRED' | 'CERTIFICATE_NOT_VALID';

type Refusal = Extract<AuthorizationDecision, { allowed: false }>;

function refuse(code: RefusalCode, message: string, details: Record<string, unknown>): Refusal {
  return { allowed: false, code, message, details };
}

function scopeRefusal(scope: CaseScope, req: AuthorizationRequest): Refusal | null {
  const { principal, caseSection } = req;
  if (scope === 'any_section') return null;
  if (scope === 'own_section') {
    if (caseSection === undefined || principal.section === caseSection || req.assigned === true) return null;
    return refuse(
      'SECTION_NOT_PERMITTED',
      `本案由${SECTION_NAMES[caseSection]}承办，${principal.id} 属${principal.section ? SECTION_NAMES[principal.section] : '局领导（无科室）'}且未获指派 / the case belongs to section ${caseSection}; ${principal.id} is not of it and holds no assignment`,
      { caseSection, section: principal.section },
    );
  }
  if (principal.section === scope.onlySection) return null;
  return refuse(
    'SECTION_NOT_PERMITTED',
    `${req.action} 由${SECTION_NAMES[scope.onlySection]}办理 / ${req.action} is done by section ${scope.onlySection}`,
    { requiredSection: scope.onlySection, section: principal.section },
  );
}

/** 执法人员 act only while their 执法证 is valid. */
function certificateRefusal(grant: Grant, req: AuthorizationRequest): Refusal | null {
  if (grant.role !== 'officer' || req.caseSection === undefined) return null;
  const cert = req.principal.certificate;
  if (cert === null) {
    return refuse('CERTIFICATE_REQUIRED', `${req.principal.id} 未持有执法证，不能从事执法活动 / holds no enforcement certificate`, {});
  }
  if (!certificateValidOn(cert, req.today)) {
    return refuse(
      'CERTIFICATE_NOT_VALID',
      `${req.principal.id} 的执法证 ${cert.number} 有效期 ${cert.validFrom}–${cert.validTo}，今天 ${req.today} 不在其内 / the enforcement certificate is not valid today`,
      { certificate: cert, today: req.today },
    );
  }
  return null;
}

/**
 * The one place that says who may do what on which case: the first of the person's roles that a grant of the rule
 * admits, in scope, acts. A refusal names the rule's basis and what was missing.
 */
export function authorize(req: AuthorizationRequest): AuthorizationDecision {
  const held = req.rule.grants.filter((g) => req.principal.roles.includes(g.role));
  if (held.length === 0) {
    const required = [...new Set(req.rule.grants.map((g) => g.role))];
    return refuse(
      'ROLE_NOT_PERMITTED',
      `${req.action} 须由${required.map((r) => ROLE_NAMES[r]).join('或')}办理（${req.rule.basis}）/ ${req.action} needs role ${required.join(' or ')}`,
      { required, roles: req.principal.roles, basis: req.rule.basis },
    );
  }
  let first: Refusal | null = null;
  for (const grant of held) {
    const refusal = scopeRefusal(grant.scope, req) ?? certificateRefusal(grant, req);
    if (refusal === null) return { allowed: true, role: grant.role };
    first ??= refusal;
  }
  // held is not empty, so a refusal was recorded
  return first ?? refuse('ROLE_NOT_PERMITTED', req.action, {});
}
