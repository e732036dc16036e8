import type { Pool } from 'pg';
import type { IdentityTables } from './identity-schema';

export interface ThrottleLimits {
  windowSeconds: number;
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
}

export type ThrottleVerdict =
  | { limited: false }
  | {
      limited: true;
      /**
       * `account_address`: this account from this address failed too often (the guesser is stopped, the officer
       * elsewhere is not); `address`: this address failed too often across accounts; `account`: the account failed
       * often from many addresses, so every attempt waits a back-off that doubles (never more than a minute)
       */
      by: 'account_address' | 'address' | 'account';
      retryAfterSeconds: number;
    };

/** The longest an attempt on an account under distributed guessing waits: slowed, never locked out. */
const MAX_ACCOUNT_BACKOFF_SECONDS = 60;

/**
 * Failed sign-ins over a sliding window (in PostgreSQL, so several API instances share the counts), limited so that
 * nobody can lock an officer out: per account *and* address (the guesser's own address stops), per address (one
 * address guessing many accounts), and per account from anywhere only as a back-off (after twice the per-account
 * limit, each further attempt waits 2, 4, 8… seconds, at most a minute). A success clears the account's failures from
 * its own address. Rows older than the window no longer count; `prune` removes old ones.
 */
export class LoginThrottle {
  constructor(
    private readonly pool: Pool,
    private readonly t: IdentityTables,
    private readonly limits: ThrottleLimits,
  ) {}

  async verdict(account: string, address: string): Promise<ThrottleVerdict> {
    const { windowSeconds, maxFailuresPerAccount, maxFailuresPerAddress } = this.limits;
    const { rows } = await this.pool.query<{
      by: 'account_address' | 'address' | 'account';
      n: string;
      oldest: Date | null;
      latest: Date | null;
    }>(
      `SELECT 'account_address' AS by, count(*) AS n, min(at) AS oldest, max(at) AS latest FROM ${this.t.loginFailures}
         WHERE account = $1 AND address = $2 AND NOT account_cleared AND at > now() - make_interval(secs => $3)
       UNION ALL
       SELECT 'address', count(*), min(at), max(at) FROM ${this.t.loginFailures}
         WHERE address = $2 AND at > now() - make_interval(secs => $3)
       UNION ALL
       SELECT 'account', count(*), min(at), max(at) FROM ${this.t.loginFailures}
         WHERE account = $1 AND NOT account_cleared AND at > now() - make_interval(secs => $3)`,
      [account, address, windowSeconds],
    );
    const untilWindowFrees = (oldest: Date) => Math.max(1, Math.ceil((oldest.getTime() + windowSeconds * 1000 - Date.now()) / 1000));
    for (const row of rows) {
      const n = Number(row.n);
      if (row.by === 'account_address' && n >= maxFailuresPerAccount && row.oldest)
        return { limited: true, by: row.by, retryAfterSeconds: untilWindowFrees(row.oldest) };
      if (row.by === 'address' && n >= maxFailuresPerAddress && row.oldest)
        return { limited: true, by: row.by, retryAfterSeconds: untilWindowFrees(row.oldest) };
      if (row.by === 'account' && n >= 2 * maxFailuresPerAccount && row.latest) {
        const backoff = Math.min(MAX_ACCOUNT_BACKOFF_SECONDS, 2 ** (n - 2 * maxFailuresPerAccount + 1));
        const waited = (Date.now() - row.latest.getTime()) / 1000;
        if (waited < backoff) return { limited: true, by: row.by, retryAfterSeconds: Math.max(1, Math.ceil(backoff - waited)) };
      }
    }
    return { limited: false };
  }

  async recordFailure(account: string, address: string): Promise<void> {
    await this.pool.query(`INSERT INTO ${this.t.loginFailures} (account, address) VALUES ($1, $2)`, [account, address]);
    await this.prune();
  }

  async recordSuccess(account: string, address: string): Promise<void> {
    // the account's failures from this address, and its back-off, end; the address keeps its count across accounts (a
    // success on one must not hide guessing at others), and another address's failures on this account stay: a
    // guesser elsewhere is not given fresh tries by the officer's sign-in
    await this.pool.query(
      `UPDATE ${this.t.loginFailures} SET account_cleared = true WHERE account = $1 AND address = $2 AND NOT account_cleared`,
      [account, address],
    );
  }

  /** Drops failures older than the window (called after each failure; cheap with the index). */
  async prune(): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.t.loginFailures} WHERE at < now() - make_interval(secs => $1)`, [
      this.limits.windowSeconds * 4,
    ]);
  }
}
