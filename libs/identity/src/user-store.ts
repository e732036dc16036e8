import type { Pool, PoolClient } from 'pg';
import type { EnforcementCertificate, OfficerCredential, PersonRole, Principal, Section } from '@qts/domain';
import { appendIdentityAudit } from './identity-audit-log';
import type { IdentityTables } from './identity-schema';
import { hashPassword, passwordProblem } from './password';
import { inTransaction } from './transaction';
import type { NewUser, RolesChange } from './user-schemas';

export interface UserRecord extends Principal {
  readonly disabledAt: string | null;
  readonly disabledReason: string | null;
  readonly createdAt: string;
}

export class IdentityError extends Error {
  constructor(
    readonly code: 'USER_EXISTS' | 'USER_NOT_FOUND' | 'WEAK_PASSWORD' | 'LAST_ADMINISTRATOR' | 'ASSIGNMENT_NOT_FOUND' | 'ALREADY_ASSIGNED',
    message: string,
  ) {
    super(message);
  }
}

interface UserRow {
  id: string;
  display_name: string;
  section: Section | null;
  roles: PersonRole[];
  certificate: EnforcementCertificate | null;
  disabled_at: Date | null;
  disabled_reason: string | null;
  created_at: Date;
}

const toUser = (r: UserRow): UserRecord => ({
  id: r.id,
  name: r.display_name,
  section: r.section,
  roles: r.roles,
  certificate: r.certificate,
  disabledAt: r.disabled_at?.toISOString() ?? null,
  disabledReason: r.disabled_reason,
  createdAt: r.created_at.toISOString(),
});

const COLUMNS = 'id, display_name, section, roles, certificate, disabled_at, disabled_reason, created_at';

/** Accounts. Every change is written with its identity-audit entry in one transaction. */
export class UserStore {
  constructor(
    private readonly pool: Pool,
    private readonly t: IdentityTables,
  ) {}

  async create(user: NewUser, actorId: string): Promise<UserRecord> {
    const weak = passwordProblem(user.password, user.id);
    if (weak) throw new IdentityError('WEAK_PASSWORD', weak);
    const passwordHash = await hashPassword(user.password);
    return inTransaction(this.pool, async (client) => {
      const inserted = await client.query<UserRow>(
        `INSERT INTO ${this.t.users} (id, display_name, section, roles, password_hash, certificate)
         VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT (id) DO NOTHING RETURNING ${COLUMNS}`,
        [user.id, user.name, user.section, user.roles, passwordHash, user.certificate === null ? null : JSON.stringify(user.certificate)],
      );
      const row = inserted.rows[0];
      if (!row) throw new IdentityError('USER_EXISTS', `账号 ${user.id} 已存在 / user ${user.id} already exists`);
      await appendIdentityAudit(client, this.t, {
        actorId,
        action: 'user.created',
        subject: user.id,
        details: { name: user.name, section: user.section, roles: user.roles, certificate: user.certificate },
      });
      return toUser(row);
    });
  }

  async get(id: string): Promise<UserRecord | null> {
    const rows = await this.pool.query<UserRow>(`SELECT ${COLUMNS} FROM ${this.t.users} WHERE id = $1`, [id]);
    return rows.rows[0] ? toUser(rows.rows[0]) : null;
  }

  async list(): Promise<UserRecord[]> {
    const rows = await this.pool.query<UserRow>(`SELECT ${COLUMNS} FROM ${this.t.users} ORDER BY section NULLS FIRST, id`);
    return rows.rows.map(toUser);
  }

  async count(): Promise<number> {
    const rows = await this.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${this.t.users}`);
    return Number(rows.rows[0]?.n ?? 0);
  }

  /** for sign-in only */
  async passwordHashOf(id: string): Promise<{ hash: string; disabled: boolean } | null> {
    const rows = await this.pool.query<{ password_hash: string; disabled_at: Date | null }>(
      `SELECT password_hash, disabled_at FROM ${this.t.users} WHERE id = $1`,
      [id],
    );
    const row = rows.rows[0];
    return row ? { hash: row.password_hash, disabled: row.disabled_at !== null } : null;
  }

  /** The named officers' certificates, for acts that need them (evidence). Unknown ids are left out. */
  async credentialsOf(ids: readonly string[]): Promise<OfficerCredential[]> {
    if (ids.length === 0) return []; // a declined filing names nobody: no query
    const rows = await this.pool.query<UserRow>(`SELECT ${COLUMNS} FROM ${this.t.users} WHERE id = ANY($1) AND disabled_at IS NULL`, [
      [...ids],
    ]);
    return rows.rows.map((r) => ({ id: r.id, name: r.display_name, certificate: r.certificate }));
  }

  changeRoles(id: string, change: RolesChange, actorId: string): Promise<UserRecord> {
    return this.update(id, actorId, 'user.roles_changed', { roles: change.roles, section: change.section }, async (client) => {
      await this.keepOneAdministrator(client, id, change.roles.includes('administrator'));
      return client.query<UserRow>(
        `UPDATE ${this.t.users} SET roles = $2, section = $3, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, change.roles, change.section],
      );
    });
  }

  setCertificate(id: string, certificate: EnforcementCertificate | null, actorId: string): Promise<UserRecord> {
    return this.update(id, actorId, 'user.certificate_changed', { certificate }, (client) =>
      client.query<UserRow>(`UPDATE ${this.t.users} SET certificate = $2, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`, [
        id,
        certificate === null ? null : JSON.stringify(certificate),
      ]),
    );
  }

  /** Takes effect at once: every session of the user is revoked, and the guard reads the flag on every request. */
  disable(id: string, reason: string, actorId: string): Promise<UserRecord> {
    return this.update(id, actorId, 'user.disabled', { reason }, async (client) => {
      await this.keepOneAdministrator(client, id, false);
      await client.query(
        `UPDATE ${this.t.sessions} SET revoked_at = now(), revoked_reason = 'user_disabled' WHERE user_id = $1 AND revoked_at IS NULL`,
        [id],
      );
      return client.query<UserRow>(
        `UPDATE ${this.t.users} SET disabled_at = now(), disabled_reason = $2, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, reason],
      );
    });
  }

  enable(id: string, actorId: string): Promise<UserRecord> {
    return this.update(id, actorId, 'user.enabled', {}, (client) =>
      client.query<UserRow>(
        `UPDATE ${this.t.users} SET disabled_at = NULL, disabled_reason = NULL, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
        [id],
      ),
    );
  }

  /** Ends every session of the user but `keepSessionId` (the one changing their own password stays signed in). */
  async setPassword(id: string, password: string, actorId: string, keepSessionId: string | null = null): Promise<UserRecord> {
    const weak = passwordProblem(password, id);
    if (weak) throw new IdentityError('WEAK_PASSWORD', weak);
    const passwordHash = await hashPassword(password);
    return this.update(id, actorId, 'user.password_changed', {}, async (client) => {
      await client.query(
        `UPDATE ${this.t.sessions} SET revoked_at = now(), revoked_reason = 'password_changed'
          WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid)`,
        [id, keepSessionId],
      );
      return client.query<UserRow>(`UPDATE ${this.t.users} SET password_hash = $2, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`, [
        id,
        passwordHash,
      ]);
    });
  }

  private update(
    id: string,
    actorId: string,
    action: 'user.roles_changed' | 'user.certificate_changed' | 'user.disabled' | 'user.enabled' | 'user.password_changed',
    details: Record<string, unknown>,
    change: (client: PoolClient) => Promise<{ rows: UserRow[] }>,
  ): Promise<UserRecord> {
    return inTransaction(this.pool, async (client) => {
      const locked = await client.query(`SELECT 1 FROM ${this.t.users} WHERE id = $1 FOR UPDATE`, [id]);
      if (locked.rowCount === 0) throw new IdentityError('USER_NOT_FOUND', `没有账号 ${id} / no user ${id}`);
      const updated = await change(client);
      const row = updated.rows[0];
      if (!row) throw new IdentityError('USER_NOT_FOUND', `没有账号 ${id} / no user ${id}`);
      await appendIdentityAudit(client, this.t, { actorId, action, subject: id, details });
      return toUser(row);
    });
  }

  /** The bureau must keep an enabled administrator, or nobody can manage accounts. */
  private async keepOneAdministrator(client: PoolClient, id: string, staysAdministrator: boolean): Promise<void> {
    if (staysAdministrator) return;
    const others = await client.query(
      `SELECT 1 FROM ${this.t.users} WHERE id <> $1 AND 'administrator' = ANY(roles) AND disabled_at IS NULL LIMIT 1`,
      [id],
    );
    const self = await client.query(
      `SELECT 1 FROM ${this.t.users} WHERE id = $1 AND 'administrator' = ANY(roles) AND disabled_at IS NULL`,
      [id],
    );
    if (others.rowCount === 0 && (self.rowCount ?? 0) > 0) {
      throw new IdentityError(
        'LAST_ADMINISTRATOR',
        '不能停用或撤销最后一名管理员 / the last administrator cannot be disabled or lose the role',
      );
    }
  }
}
