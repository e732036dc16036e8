import type { Pool } from 'pg';
import { appendIdentityAudit } from './identity-audit-log';
import type { IdentityTables } from './identity-schema';
import { inTransaction } from './transaction';
import { IdentityError } from './user-store';

export interface CaseAssignment {
  caseId: string;
  userId: string;
  grantedBy: string;
  reason: string;
  grantedAt: string;
}

/** 指派: lets a person of another section act on one case; granted and revoked with an audit entry. */
export class AssignmentStore {
  constructor(
    private readonly pool: Pool,
    private readonly t: IdentityTables,
  ) {}

  grant(caseId: string, userId: string, reason: string, grantedBy: string): Promise<CaseAssignment> {
    return inTransaction(this.pool, async (client) => {
      const user = await client.query(`SELECT 1 FROM ${this.t.users} WHERE id = $1 AND disabled_at IS NULL`, [userId]);
      if (user.rowCount === 0) throw new IdentityError('USER_NOT_FOUND', `没有可用账号 ${userId} / no enabled user ${userId}`);
      const rows = await client.query<{ granted_at: Date }>(
        `INSERT INTO ${this.t.assignments} (case_id, user_id, granted_by, reason) VALUES ($1,$2,$3,$4)
         ON CONFLICT (case_id, user_id) WHERE revoked_at IS NULL DO NOTHING RETURNING granted_at`,
        [caseId, userId, grantedBy, reason],
      );
      const row = rows.rows[0];
      if (!row) throw new IdentityError('ALREADY_ASSIGNED', `${userId} 已获指派办理 ${caseId} / already assigned`);
      await appendIdentityAudit(client, this.t, {
        actorId: grantedBy,
        action: 'assignment.granted',
        subject: userId,
        details: { caseId, reason },
      });
      return { caseId, userId, grantedBy, reason, grantedAt: row.granted_at.toISOString() };
    });
  }

  revoke(caseId: string, userId: string, reason: string, revokedBy: string): Promise<void> {
    return inTransaction(this.pool, async (client) => {
      const rows = await client.query(
        `UPDATE ${this.t.assignments} SET revoked_at = now(), revoked_by = $3 WHERE case_id = $1 AND user_id = $2 AND revoked_at IS NULL`,
        [caseId, userId, revokedBy],
      );
      if (rows.rowCount === 0) throw new IdentityError('ASSIGNMENT_NOT_FOUND', `${userId} 未获指派办理 ${caseId} / no such assignment`);
      await appendIdentityAudit(client, this.t, {
        actorId: revokedBy,
        action: 'assignment.revoked',
        subject: userId,
        details: { caseId, reason },
      });
    });
  }

  async isAssigned(caseId: string, userId: string): Promise<boolean> {
    const rows = await this.pool.query(`SELECT 1 FROM ${this.t.assignments} WHERE case_id = $1 AND user_id = $2 AND revoked_at IS NULL`, [
      caseId,
      userId,
    ]);
    return (rows.rowCount ?? 0) > 0;
  }

  /** The cases a person holds an active assignment to (what they may read beyond their section). */
  async caseIdsOf(userId: string): Promise<string[]> {
    const rows = await this.pool.query<{ case_id: string }>(
      `SELECT case_id FROM ${this.t.assignments} WHERE user_id = $1 AND revoked_at IS NULL ORDER BY case_id`,
      [userId],
    );
    return rows.rows.map((r) => r.case_id);
  }

  async forCase(caseId: string): Promise<CaseAssignment[]> {
    const rows = await this.pool.query<{ case_id: string; user_id: string; granted_by: string; reason: string; granted_at: Date }>(
      `SELECT case_id, user_id, granted_by, reason, granted_at FROM ${this.t.assignments} WHERE case_id = $1 AND revoked_at IS NULL ORDER BY id`,
      [caseId],
    );
    return rows.rows.map((r) => ({
      caseId: r.case_id,
      userId: r.user_id,
      grantedBy: r.granted_by,
      reason: r.reason,
      grantedAt: r.granted_at.toISOString(),
    }));
  }
}
