import type { Pool } from 'pg';
import type { IdentityTables } from './identity-schema';

export interface ThrottleLimits {
  windowSeconds: number;
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
}

export type ThrottleVerdict = { limited: false } | { limited: true; by: 'account' | 'address'; retryAfterSeconds: number };

/**
 * Failed sign-ins counted per account and per address over a sliding window (in PostgreSQL, so several API
 * instances share the count). A success clears the account's count, not the address's. Rows older than the window
 * no longer count; `prune` removes old ones.
 */
export class LoginThrottle {
  constructor(
    private readonly pool: Pool,
    private readonly t: IdentityTables,
    private readonly limits: ThrottleLimits,
  ) {}

  async verdict(account: string, address: string): Promise<ThrottleVerdict> {
    const { windowSeconds } = this.limits;
    const rows = await this.pool.query<{ by: 'account' | 'address'; n: string; oldest: Date | null }>(
      `SELECT 'account' AS by, count(*) AS n, min(at) AS oldest FROM ${this.t.loginFailures}
         WHERE account = $1 AND NOT account_cleared AND at > now() - make_interval(secs => $3)
       UNION ALL
       SELECT 'address', count(*), min(at) FROM ${this.t.loginFailures}
         WHERE address = $2 AND at > now() - make_interval(secs => $3)`,
      [account, address, windowSeconds],
    );
    for (const row of rows.rows) {
      const max = row.by === 'account' ? this.limits.maxFailuresPerAccount : this.limits.maxFailuresPerAddress;
      if (Number(row.n) >= max && row.oldest) {
        const retryAfterSeconds = Math.max(1, Math.ceil((row.oldest.getTime() + windowSeconds * 1000 - Date.now()) / 1000));
        return { limited: true, by: row.by, retryAfterSeconds };
      }
    }
    return { limited: false };
  }

  async recordFailure(account: string, address: string): Promise<void> {
    await this.pool.query(`INSERT INTO ${this.t.loginFailures} (account, address) VALUES ($1, $2)`, [account, address]);
    await this.prune();
  }

  async recordSuccess(account: string): Promise<void> {
    // the address keeps its count: a success on one account must not hide guessing at others
    await this.pool.query(`UPDATE ${this.t.loginFailures} SET account_cleared = true WHERE account = $1 AND NOT account_cleared`, [
      account,
    ]);
  }

  /** Drops failures older than the window (called after each failure; cheap with the index). */
  async prune(): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.t.loginFailures} WHERE at < now() - make_interval(secs => $1)`, [
      this.limits.windowSeconds * 4,
    ]);
  }
}
