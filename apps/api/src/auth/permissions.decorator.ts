import { SetMetadata } from '@nestjs/common';
import type { ActionName, ProcessKind } from '@qts/domain';

export const PUBLIC_ROUTE = 'qts:public';
export const ROUTE_PERMISSION = 'qts:permission';

/** Which of a process's commands a route takes: the opening ones (no case yet) or the running ones (on a case). */
export type CommandKind = 'opening' | 'running';

export type RoutePermission =
  | { kind: 'action'; action: ActionName; caseParam?: string }
  | { kind: 'command'; process: ProcessKind; commands: CommandKind; caseParam?: string };

/** No sign-in needed (health, sign-in itself). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The action of the policy table this route performs; `caseParam` names the route parameter of a case it acts on. */
export const Allow = (action: ActionName, options: { caseParam?: string } = {}) =>
  SetMetadata(ROUTE_PERMISSION, { kind: 'action', action, ...options } satisfies RoutePermission);

/**
 * A case command of a registered process (its case type), one of its opening or of its running commands: the command
 * type is read from the body, the case from `caseParam` (an opening command names its section in the body instead).
 */
export const CaseCommand = (process: ProcessKind, commands: CommandKind, options: { caseParam?: string } = {}) =>
  SetMetadata(ROUTE_PERMISSION, { kind: 'command', process, commands, ...options } satisfies RoutePermission);
