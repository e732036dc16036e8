import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { SessionProblem } from '@qts/identity';
import { ApiError } from '../errors/api-error';
import type { AuthenticatedRequest } from './authenticated-request';
import { IdentityProvider } from './identity.provider';
import { PUBLIC_ROUTE } from './permissions.decorator';
import { TokenService } from './token.service';

const SESSION_MESSAGES: Record<SessionProblem, string> = {
  SESSION_UNKNOWN: '会话不存在，请重新登录 / no such session; sign in again',
  SESSION_REVOKED: '会话已注销，请重新登录 / the session was ended; sign in again',
  SESSION_EXPIRED: '会话已到期，请重新登录 / the session expired; sign in again',
  USER_DISABLED: '账号已停用 / the account is disabled',
  REFRESH_TOKEN_REUSED: '刷新令牌被重复使用，会话已注销 / the refresh token was used twice; the session was ended',
};

export function sessionRefusal(problem: SessionProblem): ApiError {
  return new ApiError(401, problem, SESSION_MESSAGES[problem]);
}

/**
 * Every route but the public ones needs a bearer token whose session is live and whose account is enabled: both are
 * read on every request, so signing out or disabling an account takes effect at once.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly identity: IdentityProvider,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()])) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) {
      throw new ApiError(
        401,
        'AUTH_REQUIRED',
        '请先登录（Authorization: Bearer <令牌>）/ sign in first: send Authorization: Bearer <access token>',
      );
    }
    const claims = this.tokens.verify(match[1]);
    const lookup = await this.identity.sessions.principal(claims.sessionId);
    if (!lookup.ok) throw sessionRefusal(lookup.problem);
    if (lookup.principal.id !== claims.userId)
      throw new ApiError(401, 'TOKEN_INVALID', '令牌与会话不符 / the token does not match its session');
    req.principal = lookup.principal;
    req.sessionId = claims.sessionId;
    return true;
  }
}
