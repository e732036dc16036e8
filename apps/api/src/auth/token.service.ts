import { createSecretKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import type { AppConfig } from '@qts/config';
import { APP_CONFIG } from '@qts/nest-support';
import { ApiError } from '../errors/api-error';

const ISSUER = 'qts-api';

export interface AccessClaims {
  userId: string;
  sessionId: string;
}

/**
 * Short-lived access tokens (HS256 JWT). The key list comes from AUTH_JWT_KEYS: the first signs and carries its
 * key id; every listed key verifies, so a key can be rotated without signing everyone out.
 */
@Injectable()
export class TokenService {
  // KeyObjects made once: given a string, jsonwebtoken first tries to parse it as a PEM public key on every call
  // (an exception each time, ≈ 10 % of the API's CPU under load), then makes the secret key
  private readonly keys: ReadonlyMap<string, KeyObject>;
  private readonly signing: { kid: string; secret: KeyObject };
  readonly ttlSeconds: number;
  private readonly audience: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const first = config.auth.signingKeys[0];
    if (!first) {
      throw new Error('AUTH_JWT_KEYS is not set: give kid:secret (32+ bytes); scripts/start.sh generates one in .local/secrets/jwt-keys');
    }
    this.signing = { kid: first.kid, secret: createSecretKey(Buffer.from(first.secret, 'utf8')) };
    this.keys = new Map(config.auth.signingKeys.map((k) => [k.kid, createSecretKey(Buffer.from(k.secret, 'utf8'))]));
    this.ttlSeconds = config.auth.accessTokenTtlSeconds;
    this.audience = config.bureauId;
  }

  sign(claims: AccessClaims): string {
    return jwt.sign({ sid: claims.sessionId }, this.signing.secret, {
      algorithm: 'HS256',
      keyid: this.signing.kid,
      expiresIn: this.ttlSeconds,
      subject: claims.userId,
      issuer: ISSUER,
      audience: this.audience,
    });
  }

  verify(token: string): AccessClaims {
    const decoded = jwt.decode(token, { complete: true });
    const kid = decoded?.header.kid;
    const secret = kid === undefined ? undefined : this.keys.get(kid);
    if (!decoded || secret === undefined) {
      throw new ApiError(401, 'TOKEN_INVALID', '令牌无效或签名密钥已停用 / the token is malformed or signed with a key no longer accepted');
    }
    try {
      const payload = jwt.verify(token, secret, { algorithms: ['HS256'], issuer: ISSUER, audience: this.audience });
      if (typeof payload === 'string' || typeof payload.sub !== 'string' || typeof payload['sid'] !== 'string') {
        throw new ApiError(401, 'TOKEN_INVALID', '令牌内容不完整 / the token lacks its subject or session');
      }
      return { userId: payload.sub, sessionId: payload['sid'] };
    } catch (err) {
      if (err instanceof ApiError) throw err;
      if (err instanceof jwt.TokenExpiredError) {
        throw new ApiError(
          401,
          'TOKEN_EXPIRED',
          `令牌已于 ${err.expiredAt.toISOString()} 过期，请刷新 / the access token expired; refresh it`,
        );
      }
      const reason = err instanceof Error ? err.message : 'invalid';
      throw new ApiError(401, 'TOKEN_INVALID', `令牌校验失败（${reason}）/ the token failed verification: ${reason}`);
    }
  }
}
