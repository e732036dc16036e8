import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '@qts/config';
import { applyMigrations } from '@qts/migrations';
import { APP_CONFIG, PgPool } from '@qts/nest-support';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface Delivery {
  eventId: string;
  webhook: string;
  caseId: string;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  lastStatus: number | null;
  createdAt: string;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
}

interface DeliveryRow {
  event_id: string;
  webhook: string;
  case_id: string;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  last_status: number | null;
  created_at: Date;
  delivered_at: Date | null;
  next_attempt_at: Date | null;
}

const toDelivery = (r: DeliveryRow): Delivery => ({
  eventId: r.event_id,
  webhook: r.webhook,
  caseId: r.case_id,
  body: r.body,
  status: r.status,
  attempts: r.attempts,
  lastError: r.last_error,
  lastStatus: r.last_status,
  createdAt: r.created_at.toISOString(),
  deliveredAt: r.delivered_at?.toISOString() ?? null,
  nextAttemptAt: r.status === 'pending' ? (r.next_attempt_at?.toISOString() ?? null) : null,
});

/**
 * Each notice × webhook once (`(event_id, webhook)` is the key), in `<read model>_delivery`: beside the read model, so
 * a rebuild of the read model never sends a notice again. Claims take a lease (SKIP LOCKED), so two API instances never
 * send one delivery at the same time.
 */
@Injectable()
export class DeliveryStore implements OnModuleInit {
  readonly schema: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly db: PgPool,
  ) {
    this.schema = `${config.database.readModelSchema}_delivery`;
  }

  private get table(): string {
    return `"${this.schema}".notice_deliveries`;
  }

  async onModuleInit(): Promise<void> {
    await applyMigrations(this.db.pool, {
      schema: this.schema,
      migrations: [
        {
          version: 1,
          name: 'notice deliveries to webhooks: once per notice and webhook, with attempts and the last error',
          statements: [
            `CREATE TABLE IF NOT EXISTS ${this.table} (
               event_id text NOT NULL, webhook text NOT NULL, case_id text NOT NULL, body text NOT NULL,
               status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
               attempts int NOT NULL DEFAULT 0, last_error text, last_status int,
               created_at timestamptz NOT NULL DEFAULT now(), delivered_at timestamptz,
               next_attempt_at timestamptz NOT NULL DEFAULT now(),
               PRIMARY KEY (event_id, webhook))`,
            `CREATE INDEX IF NOT EXISTS notice_deliveries_due_idx ON ${this.table} (next_attempt_at) WHERE status = 'pending'`,
            `CREATE INDEX IF NOT EXISTS notice_deliveries_status_idx ON ${this.table} (status, created_at DESC)`,
          ],
        },
      ],
    });
  }

  /** Queues a notice for each webhook; a notice seen again (redelivered from Kafka) is queued no second time. */
  async enqueue(eventId: string, caseId: string, body: string, webhooks: readonly string[]): Promise<void> {
    for (const webhook of webhooks)
      await this.db.pool.query(
        `INSERT INTO ${this.table} (event_id, webhook, case_id, body) VALUES ($1, $2, $3, $4) ON CONFLICT (event_id, webhook) DO NOTHING`,
        [eventId, webhook, caseId, body],
      );
  }

  /** Takes up to `limit` due deliveries, each leased for `leaseMs` (another instance skips them meanwhile). */
  async claimDue(limit: number, leaseMs: number): Promise<Delivery[]> {
    const { rows } = await this.db.pool.query<DeliveryRow>(
      `UPDATE ${this.table} d SET next_attempt_at = now() + make_interval(secs => $2::double precision / 1000)
       FROM (SELECT event_id, webhook FROM ${this.table} WHERE status = 'pending' AND next_attempt_at <= now()
             ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED) due
       WHERE d.event_id = due.event_id AND d.webhook = due.webhook
       RETURNING d.*`,
      [limit, leaseMs],
    );
    return rows.map(toDelivery);
  }

  async delivered(d: Delivery, httpStatus: number): Promise<void> {
    await this.db.pool.query(
      `UPDATE ${this.table} SET status = 'delivered', attempts = attempts + 1, last_status = $3, last_error = NULL, delivered_at = now()
       WHERE event_id = $1 AND webhook = $2 AND status = 'pending'`,
      [d.eventId, d.webhook, httpStatus],
    );
  }

  /** A failed attempt: retried after `retryInMs`, or failed for good after the last attempt. */
  async attemptFailed(d: Delivery, error: string, httpStatus: number | null, retryInMs: number | null): Promise<void> {
    await this.db.pool.query(
      `UPDATE ${this.table} SET attempts = attempts + 1, last_error = $3, last_status = $4,
         status = CASE WHEN $5::double precision IS NULL THEN 'failed' ELSE 'pending' END,
         next_attempt_at = CASE WHEN $5::double precision IS NULL THEN next_attempt_at
                                ELSE now() + make_interval(secs => $5::double precision / 1000) END
       WHERE event_id = $1 AND webhook = $2 AND status = 'pending'`,
      [d.eventId, d.webhook, error.slice(0, 1000), httpStatus, retryInMs],
    );
  }

  async list(filter: { status?: DeliveryStatus; caseId?: string; limit: number }): Promise<Delivery[]> {
    const values: unknown[] = [];
    const where: string[] = [];
    if (filter.status) {
      values.push(filter.status);
      where.push(`status = $${values.length}`);
    }
    if (filter.caseId) {
      values.push(filter.caseId);
      where.push(`case_id = $${values.length}`);
    }
    values.push(filter.limit);
    const { rows } = await this.db.pool.query<DeliveryRow>(
      `SELECT * FROM ${this.table} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, event_id LIMIT $${values.length}`,
      values,
    );
    return rows.map(toDelivery);
  }

  async counts(): Promise<Record<DeliveryStatus, number>> {
    const { rows } = await this.db.pool.query<{ status: DeliveryStatus; n: string }>(
      `SELECT status, count(*) AS n FROM ${this.table} GROUP BY status`,
    );
    const counts: Record<DeliveryStatus, number> = { pending: 0, delivered: 0, failed: 0 };
    for (const r of rows) counts[r.status] = Number(r.n);
    return counts;
  }
}
