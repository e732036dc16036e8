import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@qts/domain';
import type { AuthenticatedRequest } from '../auth/authenticated-request';
import { ApiError } from '../errors/api-error';

/** Who is acting, in the role the authorisation guard admitted them in. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new ApiError(401, 'AUTH_REQUIRED', '请先登录 / sign in first');
  return actor;
});
