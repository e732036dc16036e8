import { Injectable } from '@nestjs/common';
import { mayRead, readScopeOf, seesIdNumbers, withIdNumbersMasked, type Principal, type Section } from '@qts/domain';
import { IdentityProvider } from '../auth/identity.provider';
import { ApiError } from '../errors/api-error';
import type { AuthenticatedRequest } from '../auth/authenticated-request';

/** Need to know on every case read: which cases a person sees, and whether ID numbers show in full. */
@Injectable()
export class ReadAccess {
  constructor(private readonly identity: IdentityProvider) {}

  /** The list filter of what this person may read; undefined: every case. */
  /** The signed-in reader's need to know (401 without one): for the list routes that filter by it. */
  async visibleToReader(req: AuthenticatedRequest): Promise<{ sections: Section[]; caseIds: string[] } | undefined> {
    if (!req.principal) throw new ApiError(401, 'AUTH_REQUIRED', '请先登录 / sign in first');
    return this.visibleTo(req.principal);
  }

  async visibleTo(principal: Principal): Promise<{ sections: Section[]; caseIds: string[] } | undefined> {
    const scope = readScopeOf(principal);
    if (scope.kind === 'all') return undefined;
    const caseIds = await this.identity.assignments.caseIdsOf(principal.id);
    return { sections: scope.kind === 'sections' ? [...scope.sections] : [], caseIds };
  }

  /** The case as this person may see it: refused with the reason, or with ID numbers masked where they must be. */
  async shown<T extends { caseId: string; section: string }>(principal: Principal, found: T): Promise<T> {
    const scope = readScopeOf(principal);
    const section = found.section as Section;
    const assigned =
      scope.kind === 'all' && scope.unmaskedSections === 'all'
        ? false
        : await this.identity.assignments.isAssigned(found.caseId, principal.id);
    if (!mayRead(scope, section, assigned))
      throw new ApiError(
        403,
        'CASE_NOT_VISIBLE',
        `案件 ${found.caseId} 由其他科室承办，您未获指派 / the case belongs to another section and is not assigned to you`,
        { caseId: found.caseId, section },
      );
    return seesIdNumbers(scope, section, assigned) ? found : withIdNumbersMasked(found);
  }
}
