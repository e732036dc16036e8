import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  ACTION_POLICY,
  authorize,
  commandTypesOf,
  commandRule,
  processOf,
  sectionSchema,
  shanghaiDate,
  type Principal,
  type Rule,
  type Section,
} from '@qts/domain';
import { ZodValidationException } from 'nestjs-zod';
import { ApiError } from '../errors/api-error';
import { RefusalLog } from '../audit/refusal-log.service';
import type { AuthenticatedRequest } from './authenticated-request';
import { CaseDirectory } from './case-directory';
import { IdentityProvider } from './identity.provider';
import { PUBLIC_ROUTE, ROUTE_PERMISSION, type RoutePermission } from './permissions.decorator';

interface Target {
  action: string;
  rule: Rule;
  caseId: string | null;
  caseSection?: Section;
  command?: unknown;
}

/**
 * Authorisation in one place: every route declares its action or case command, the policy table says which roles
 * may, on which sections' cases; the first role of the person that qualifies is the role they act in. A route that
 * declares nothing is refused (closed by default). Refused case commands are recorded like any other refusal.
 */
@Injectable()
export class AuthorizationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly cases: CaseDirectory,
    private readonly identity: IdentityProvider,
    private readonly refusals: RefusalLog,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const permission = this.reflector.getAllAndOverride<RoutePermission | undefined>(ROUTE_PERMISSION, targets);
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = req.principal;
    if (!principal) throw new ApiError(401, 'AUTH_REQUIRED', '请先登录 / sign in first');
    if (!permission) throw new ApiError(500, 'ROUTE_WITHOUT_PERMISSION', `${req.method} ${req.path} declares no permission`);

    const target = await this.targetOf(permission, req);
    const assigned =
      target.caseId !== null && target.caseSection !== undefined && principal.section !== target.caseSection
        ? await this.identity.assignments.isAssigned(target.caseId, principal.id)
        : false;
    const decision = authorize({
      action: target.action,
      rule: target.rule,
      principal,
      ...(target.caseSection ? { caseSection: target.caseSection } : {}),
      assigned,
      today: shanghaiDate(Date.now()),
    });
    if (!decision.allowed) {
      // a refused case command is recorded like one the decider refuses; other actions are not commands
      if (permission.kind === 'command') {
        const { code, message } = decision;
        await this.refusals.record({ caseId: target.caseId, actor: actorOf(principal), command: target.command, code, message });
      }
      throw new ApiError(403, decision.code, decision.message, decision.details);
    }
    req.actor = { id: principal.id, role: decision.role, name: principal.name };
    return true;
  }

  private async targetOf(permission: RoutePermission, req: AuthenticatedRequest): Promise<Target> {
    const param: unknown = permission.caseParam ? req.params[permission.caseParam] : undefined;
    const caseId = typeof param === 'string' && param !== '' ? param : null;
    if (permission.kind === 'action') {
      const caseSection = caseId ? await this.cases.sectionOf(caseId) : undefined;
      return { action: permission.action, rule: ACTION_POLICY[permission.action], caseId, ...(caseSection ? { caseSection } : {}) };
    }
    // a command names its process: the case must be one of it (its Update exists nowhere else)
    const process = processOf(permission.process);
    const caseSection = caseId ? await (process ? this.cases.sectionFor(caseId, process) : this.cases.sectionOf(caseId)) : undefined;
    const body: unknown = req.body;
    const type = typeof body === 'object' && body !== null && 'type' in body ? body.type : undefined;
    const known = process ? commandTypesOf(process.commands[permission.commands]) : [];
    const rule = typeof type === 'string' && known.includes(type) ? commandRule(permission.process, type) : undefined;
    if (typeof type !== 'string' || !rule) throw unknownCommand(type, known);
    if (caseSection) return { action: type, rule, caseId, caseSection, command: body };
    if (!process) throw unknownCommand(type, known);
    // the section that will own the case is the process's to say (a directive is always 特种设备安全监察科's); a body
    // its schema refuses is authorised by the section it names, so a person without the right learns nothing more
    const opening = process.commands.opening.safeParse(body);
    if (opening.success) return { action: type, rule, caseId: null, caseSection: process.sectionOf(opening.data), command: body };
    const named = sectionSchema.safeParse((body as { section?: unknown }).section);
    if (!named.success) throw new ZodValidationException(opening.error);
    return { action: type, rule, caseId: null, caseSection: named.data, command: body };
  }
}

/** 400 naming the type sent (anything but text as JSON, so it reads as what it is) and the ones this route takes. */
function unknownCommand(type: unknown, known: string[]): ApiError {
  const sent = type === undefined ? '（无 none）' : (typeof type === 'string' ? type : JSON.stringify(type)).slice(0, 200);
  return new ApiError(400, 'UNKNOWN_COMMAND', `type: 未知命令 ${sent} / unknown command ${sent}; expected one of ${known.join(', ')}`, {
    type: typeof type === 'string' ? type.slice(0, 200) : null,
    known,
  });
}

function actorOf(principal: Principal) {
  return { id: principal.id, role: principal.roles[0] ?? 'officer', name: principal.name };
}
