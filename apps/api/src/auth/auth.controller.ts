import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ZodValidationPipe } from 'nestjs-zod';
import { z } from 'zod';
import type { AppConfig } from '@qts/config';
import { burnPasswordCheck, ownPasswordChangeSchema, verifyPassword, type IssuedSession } from '@qts/identity';
import { permittedFor, type Principal } from '@qts/domain';
import { APP_CONFIG } from '@qts/nest-support';
import { ApiError } from '../errors/api-error';
import { openApiSchema } from '../openapi-schema';
import type { AuthenticatedRequest } from './authenticated-request';
import { sessionRefusal } from './authentication.guard';
import { IdentityProvider, answering } from './identity.provider';
import { Allow, Public } from './permissions.decorator';
import { TokenService } from './token.service';
import { BODY_ERRORS, SIGNED_IN_ERRORS, Answers } from '../openapi/answers';
import { loggedOutAnswer, meAnswer, passwordChangedAnswer, signedInAnswer, type SignedIn } from './answers';
import { clearRefreshCookie, refreshCookieOf, setRefreshCookie } from './refresh-cookie';

/**
 * Where the refresh token goes: a browser keeps it only in the HttpOnly cookie (page scripts never see it); an API
 * client asks for it in the answer (`body`) and then gets no cookie.
 */
const tokenDelivery = z.enum(['cookie', 'body']).default('cookie');
type TokenDelivery = z.infer<typeof tokenDelivery>;

const loginBody = z.strictObject({
  userId: z.string().min(1, 'userId is required').max(40),
  password: z.string().min(1, 'password is required').max(256),
  tokenDelivery,
});
const THROTTLE_REASON = {
  account_address: '此账号在此地址登录失败次数过多',
  address: '此地址登录失败次数过多',
  account: '此账号近期在多处登录失败，每次尝试须稍候',
} as const;

/** API clients send the refresh token in the body; the browser's comes in its HttpOnly cookie */
const refreshBody = z.strictObject({ refreshToken: z.string().min(10, 'refreshToken is too short').max(200).optional() });

/** Where a sign-in attempt comes from, for the per-address limit (behind a proxy: set Express's trust proxy). */
const clientAddress = (req: AuthenticatedRequest): string => req.ip ?? req.socket.remoteAddress ?? 'unknown';

@ApiTags('登录 authentication')
@Controller('api/auth')
export class AuthController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly identity: IdentityProvider,
    private readonly tokens: TokenService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: '登录：返回访问令牌与刷新令牌；失败次数按账号和地址限流 / sign in; failures are rate-limited per account and address',
  })
  @ApiBody({ schema: openApiSchema(loginBody) })
  @Answers(200, signedInAnswer, [...BODY_ERRORS, 401, 403, 429], {
    errors: { 401: '账号或密码错误 LOGIN_FAILED / wrong user id or password', 403: '账号已停用 USER_DISABLED / the account is disabled' },
  })
  async login(
    @Body(new ZodValidationPipe(loginBody)) body: z.infer<typeof loginBody>,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SignedIn> {
    const address = clientAddress(req);
    const verdict = await this.identity.throttle.verdict(body.userId, address);
    if (verdict.limited) {
      throw new ApiError(
        429,
        'LOGIN_RATE_LIMITED',
        `${THROTTLE_REASON[verdict.by]}，请 ${verdict.retryAfterSeconds} 秒后再试 / too many failed sign-ins (${verdict.by}); retry in ${verdict.retryAfterSeconds} s`,
        { by: verdict.by, retryAfterSeconds: verdict.retryAfterSeconds },
      );
    }
    const stored = await this.identity.users.passwordHashOf(body.userId);
    const valid = stored ? await verifyPassword(stored.hash, body.password) : (await burnPasswordCheck(body.password), false);
    if (!stored || !valid) {
      await this.identity.throttle.recordFailure(body.userId, address);
      throw new ApiError(401, 'LOGIN_FAILED', '账号或密码错误 / wrong user id or password');
    }
    if (stored.disabled) throw new ApiError(403, 'USER_DISABLED', '账号已停用 / the account is disabled');
    await this.identity.throttle.recordSuccess(body.userId, address);
    const session = await this.identity.sessions.open(body.userId, address, this.config.auth.sessionTtlSeconds);
    const lookup = await this.identity.sessions.principal(session.sessionId);
    if (!lookup.ok) throw sessionRefusal(lookup.problem);
    if (body.tokenDelivery === 'cookie')
      setRefreshCookie(req, res, session.refreshToken, this.config.auth.sessionTtlSeconds, this.config.api.cookieSecure);
    return this.signedIn(lookup.principal, session, body.tokenDelivery);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: '刷新：换取新的访问令牌和刷新令牌（旧刷新令牌作废）/ swap the refresh token for new tokens; a reused one ends the session',
  })
  @ApiBody({ schema: openApiSchema(refreshBody) })
  @Answers(200, signedInAnswer, [...BODY_ERRORS, 401], {
    errors: { 401: '没有刷新令牌，或会话已失效、令牌被重复使用 / no refresh token, or the session ended or the token was reused' },
  })
  async refresh(
    @Body(new ZodValidationPipe(refreshBody)) body: z.infer<typeof refreshBody>,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SignedIn> {
    // answered the way the token came: in the body to a client that sent it there, in the cookie to a browser
    const delivery: TokenDelivery = body.refreshToken ? 'body' : 'cookie';
    const token = body.refreshToken ?? refreshCookieOf(req);
    if (!token) throw new ApiError(401, 'AUTH_REQUIRED', '没有刷新令牌（请求体或 Cookie）/ no refresh token in the body or cookie');
    const refreshed = await this.identity.sessions.refresh(token);
    if (!refreshed.ok) {
      clearRefreshCookie(req, res, this.config.api.cookieSecure);
      throw sessionRefusal(refreshed.problem);
    }
    const remaining = Math.max(1, Math.floor((Date.parse(refreshed.session.expiresAt) - Date.now()) / 1000));
    if (delivery === 'cookie') setRefreshCookie(req, res, refreshed.session.refreshToken, remaining, this.config.api.cookieSecure);
    return this.signedIn(refreshed.principal, refreshed.session, delivery);
  }

  @Post('logout')
  @Allow('account.self')
  @HttpCode(200)
  @ApiOperation({ summary: '注销：会话立即失效 / sign out: the session ends at once' })
  @Answers(200, loggedOutAnswer, [...BODY_ERRORS, ...SIGNED_IN_ERRORS])
  async logout(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response): Promise<z.output<typeof loggedOutAnswer>> {
    if (req.sessionId) await this.identity.sessions.revoke(req.sessionId, 'logout');
    clearRefreshCookie(req, res, this.config.api.cookieSecure);
    return { loggedOut: true };
  }

  @Post('password')
  @Allow('account.self')
  @HttpCode(200)
  @ApiOperation({ summary: '修改本人密码（其他会话失效）/ change one’s own password; other sessions end' })
  @ApiBody({ schema: openApiSchema(ownPasswordChangeSchema) })
  @Answers(200, passwordChangedAnswer, [...BODY_ERRORS, ...SIGNED_IN_ERRORS, 429], {
    errors: {
      400: '字段不合法，或新密码太弱 WEAK_PASSWORD / invalid field or a weak new password',
      403: '当前密码不正确 WRONG_PASSWORD / the current password is wrong',
    },
  })
  async changePassword(
    @Body(new ZodValidationPipe(ownPasswordChangeSchema)) body: z.infer<typeof ownPasswordChangeSchema>,
    @Req() req: AuthenticatedRequest,
  ): Promise<z.output<typeof passwordChangedAnswer>> {
    const principal = req.principal;
    if (!principal) throw new ApiError(401, 'AUTH_REQUIRED', '请先登录 / sign in first');
    // a stolen token must not become a way to guess the password: same limits as sign-in
    const address = clientAddress(req);
    const verdict = await this.identity.throttle.verdict(principal.id, address);
    if (verdict.limited)
      throw new ApiError(429, 'LOGIN_RATE_LIMITED', `尝试次数过多，请 ${verdict.retryAfterSeconds} 秒后再试 / too many attempts`, verdict);
    const stored = await this.identity.users.passwordHashOf(principal.id);
    if (!stored || !(await verifyPassword(stored.hash, body.currentPassword))) {
      await this.identity.throttle.recordFailure(principal.id, address);
      throw new ApiError(403, 'WRONG_PASSWORD', '当前密码不正确 / the current password is wrong');
    }
    await answering(this.identity.users.setPassword(principal.id, body.newPassword, principal.id, req.sessionId ?? null));
    return { changed: true };
  }

  @Get('me')
  @Allow('account.self')
  @ApiOperation({ summary: '当前用户及其角色允许的命令 / who is signed in, and what their roles allow (sections aside)' })
  @Answers(200, meAnswer, SIGNED_IN_ERRORS)
  me(@Req() req: AuthenticatedRequest): z.output<typeof meAnswer> {
    if (!req.principal) throw new ApiError(401, 'AUTH_REQUIRED', '请先登录 / sign in first');
    return { ...req.principal, permissions: permittedFor(req.principal.roles, req.principal.section) };
  }

  private signedIn(user: Principal, session: IssuedSession, delivery: TokenDelivery): SignedIn {
    return {
      accessToken: this.tokens.sign({ userId: user.id, sessionId: session.sessionId }),
      tokenType: 'Bearer',
      expiresIn: this.tokens.ttlSeconds,
      ...(delivery === 'body' ? { refreshToken: session.refreshToken } : {}),
      sessionExpiresAt: session.expiresAt,
      user,
    };
  }
}
