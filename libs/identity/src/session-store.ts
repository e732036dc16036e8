import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Pool } from 'pg';
import type { EnforcementCertificate, PersonRole, Principal, Section } from '@qts/domain';
import type { IdentityTables } from './identity-schema';
import { appendIdentityAudit } from './identity-audit-log';
import { inTransaction } from './transaction';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const newSecret = () => randomBytes(32).toString('base64url');

export interface IssuedSession {
  sessionId: string;
  /** `<session id>.<secret>`: only its hash is stored */
  refreshToken: string;
  expiresAt: string;
}

export type SessionProblem = 'SESSION_UNKNOWN' | 'SESSION_REVOKED' | 'SESSION_EXPIRED' | 'USER_DISABLED' | 'REFRESH_TOKEN_REUSED';

export type SessionLookup = { ok: true; principal: Principal } | { ok: false; problem: SessionProblem };

interface SessionRow {
  id: string;
  refresh_hash: string;
  expires_at: Date;
  revoked_at: Date | null;
  revoked_reason: string | null;
  user_id: string;
  display_name: string;
  section: Section | null;
  roles: PersonRole[];
  certificate: EnforcementCertificate | null;
  disabled_at: Date | null;
}

/** Sign-in sessions. An access token names its session; the session and the account are checked on every request. */
export class SessionStore {
  constructor(
    private readonly pool: Pool,
    private readonly t: IdentityTables,
  ) {}

  async open(userId: string, address: string, ttlSeconds: number): Promise<IssuedSession> {
    const sessionId = randomUUID();
    const secret = newSecret();
    // a sign-in is part of the audit trail: who, from where, which session
    return inTransaction(this.pool, async (client) => {
      const rows = await client.query<{ expires_at: Date }>(
        `INSERT INTO ${this.t.sessions} (id, user_id, refresh_hash, address, expires_at)
         VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5)) RETURNING expires_at`,
        [sessionId, userId, sha256(secret), address, ttlSeconds],
      );
      await appendIdentityAudit(client, this.t, {
        actorId: userId,
        action: 'session.opened',
        subject: userId,
        details: { sessionId, address },
      });
      return { sessionId, refreshToken: `${sessionId}.${secret}`, expiresAt: rows.rows[0]?.expires_at.toISOString() ?? '' };
    });
  }

  private async load(sessionId: string): Promise<SessionRow | undefined> {
    const rows = await this.pool.query<SessionRow>(
      `SELECT s.id, s.refresh_hash, s.expires_at, s.revoked_at, s.revoked_reason,
              u.id AS user_id, u.display_name, u.section, u.roles, u.certificate, u.disabled_at
         FROM ${this.t.sessions} s JOIN ${this.t.users} u ON u.id = s.user_id WHERE s.id = $1`,
      [sessionId],
    );
    return rows.rows[0];
  }

  private static check(row: SessionRow | undefined): SessionLookup {
    if (!row) return { ok: false, problem: 'SESSION_UNKNOWN' };
    if (row.disabled_at) return { ok: false, problem: 'USER_DISABLED' };
    if (row.revoked_at) return { ok: false, problem: 'SESSION_REVOKED' };
    if (row.expires_at.getTime() <= Date.now()) return { ok: false, problem: 'SESSION_EXPIRED' };
    return {
      ok: true,
      principal: { id: row.user_id, name: row.display_name, roles: row.roles, section: row.section, certificate: row.certificate },
    };
  }

  /** The person behind a live session, as they are now (roles changed a minute ago count). */
  async principal(sessionId: string): Promise<SessionLookup> {
    if (!UUID.test(sessionId)) return { ok: false, problem: 'SESSION_UNKNOWN' };
    return SessionStore.check(await this.load(sessionId));
  }

  /**
   * Swaps the refresh token for a new one. A token used twice means it was copied: the session is revoked, so
   * both the thief and the owner must sign in again.
   */
  async refresh(
    refreshToken: string,
  ): Promise<{ ok: true; principal: Principal; session: IssuedSession } | { ok: false; problem: SessionProblem }> {
    const dot = refreshToken.indexOf('.');
    const sessionId = refreshToken.slice(0, dot);
    const secret = refreshToken.slice(dot + 1);
    if (dot < 0 || !UUID.test(sessionId)) return { ok: false, problem: 'SESSION_UNKNOWN' };
    const row = await this.load(sessionId);
    const live = SessionStore.check(row);
    if (!live.ok || !row) return live.ok ? { ok: false, problem: 'SESSION_UNKNOWN' } : live;
    const presented = Buffer.from(sha256(secret));
    if (!timingSafeEqual(presented, Buffer.from(row.refresh_hash))) {
      await this.revoke(sessionId, 'refresh_token_reused');
      return { ok: false, problem: 'REFRESH_TOKEN_REUSED' };
    }
    const next = newSecret();
    const swapped = await this.pool.query(
      `UPDATE ${this.t.sessions} SET refresh_hash = $3, refreshed_at = now() WHERE id = $1 AND refresh_hash = $2 AND revoked_at IS NULL`,
      [sessionId, row.refresh_hash, sha256(next)],
    );
    if (swapped.rowCount !== 1) {
      await this.revoke(sessionId, 'refresh_token_reused');
      return { ok: false, problem: 'REFRESH_TOKEN_REUSED' };
    }
    return {
      ok: true,
      principal: live.principal,
      session: { sessionId, refreshToken: `${sessionId}.${next}`, expiresAt: row.expires_at.toISOString() },
    };
  }

  /** Ends a session (sign-out, a reused refresh token) and records it; a session already ended is left as it was. */
  async revoke(sessionId: string, reason: string): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      const ended = await client.query<{ user_id: string }>(
        `UPDATE ${this.t.sessions} SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING user_id`,
        [sessionId, reason],
      );
      const userId = ended.rows[0]?.user_id;
      if (userId)
        await appendIdentityAudit(client, this.t, {
          actorId: userId,
          action: 'session.ended',
          subject: userId,
          details: { sessionId, reason },
        });
    });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
