import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { inTransaction } from '@qts/migrations';
import type { PoolClient } from 'pg';
import { canonicalJson } from '@qts/audit';
import { actorSchema, type Actor, type StateCouncilNotice } from '@qts/domain';
import { PgPool } from '@qts/nest-support';
import { ReferenceTables } from '../db/reference-tables';
import { newRolloutId, type BatchProgress, type CalendarRollout, type RolloutState } from './calendar-rollout';

interface RolloutRow {
  id: string;
  bureau_id: string;
  year: number;
  revision: number;
  notice_digest: string;
  loaded_by: unknown;
  loaded_at: Date;
  state: RolloutState;
  started_at: Date | null;
  finished_at: Date | null;
  total: number;
  done: number;
  failed: number;
  error: string | null;
}

function toRollout(r: RolloutRow): CalendarRollout {
  return {
    id: r.id,
    bureauId: r.bureau_id,
    year: r.year,
    revision: r.revision,
    noticeDigest: r.notice_digest,
    loadedBy: actorSchema.parse(r.loaded_by),
    loadedAt: r.loaded_at.toISOString(),
    state: r.state,
    startedAt: r.started_at?.toISOString() ?? null,
    finishedAt: r.finished_at?.toISOString() ?? null,
    total: r.total,
    done: r.done,
    failed: r.failed,
    error: r.error,
  };
}

export function noticeDigest(notice: StateCouncilNotice): string {
  return createHash('sha256').update(canonicalJson(notice)).digest('hex');
}

/**
 * The record of each rollout (who loaded which notice when, and the batch's last known progress) in
 * `<read model>_ref.calendar_rollouts`, beside the notices: not a projection of events, so not in the read model.
 */
@Injectable()
export class CalendarRolloutStore {
  private readonly schema: string;
  private readonly table: string;
  private readonly notices: string;

  constructor(
    private readonly db: PgPool,
    tables: ReferenceTables,
  ) {
    this.schema = tables.schema;
    this.table = tables.table('calendar_rollouts');
    this.notices = tables.table('calendar_notices');
  }

  /**
   * Saves a year's notice and records its rollout, in one transaction. The same notice as the year's latest
   * rollout (not failed) records nothing and answers that rollout: loading a notice twice signals no case twice.
   */
  recordLoad(bureauId: string, notice: StateCouncilNotice, actor: Actor): Promise<{ rollout: CalendarRollout; repeated: boolean }> {
    const digest = noticeDigest(notice);
    return this.inTransaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`qts-calendar-load:${this.schema}:${bureauId}:${notice.year}`]);
      const { rows } = await client.query<RolloutRow>(
        `SELECT * FROM ${this.table} WHERE bureau_id = $1 AND year = $2 ORDER BY revision DESC LIMIT 1`,
        [bureauId, notice.year],
      );
      const latest = rows[0];
      if (latest && latest.notice_digest === digest && latest.state !== 'failed') return { rollout: toRollout(latest), repeated: true };
      await client.query(
        `INSERT INTO ${this.notices} (year, notice, loaded_by) VALUES ($1, $2, $3)
         ON CONFLICT (year) DO UPDATE SET notice = EXCLUDED.notice, loaded_by = EXCLUDED.loaded_by, loaded_at = now()`,
        [notice.year, JSON.stringify(notice), JSON.stringify(actor)],
      );
      const revision = (latest?.revision ?? 0) + 1;
      const inserted = await client.query<RolloutRow>(
        `INSERT INTO ${this.table} (id, bureau_id, year, revision, notice_digest, loaded_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [newRolloutId(bureauId, notice.year, revision), bureauId, notice.year, revision, digest, JSON.stringify(actor)],
      );
      const row = inserted.rows[0];
      if (!row) throw new Error('INSERT … RETURNING gave no row');
      return { rollout: toRollout(row), repeated: false };
    });
  }

  async get(bureauId: string, id: string): Promise<CalendarRollout | undefined> {
    const { rows } = await this.db.pool.query<RolloutRow>(`SELECT * FROM ${this.table} WHERE bureau_id = $1 AND id = $2`, [bureauId, id]);
    return rows[0] && toRollout(rows[0]);
  }

  /** Newest first. */
  async list(bureauId: string, limit: number, offset: number): Promise<CalendarRollout[]> {
    const { rows } = await this.db.pool.query<RolloutRow>(
      `SELECT * FROM ${this.table} WHERE bureau_id = $1 ORDER BY loaded_at DESC, id LIMIT $2 OFFSET $3`,
      [bureauId, limit, offset],
    );
    return rows.map(toRollout);
  }

  /** Rollouts not yet accepted by Temporal or still running, oldest first. */
  async open(bureauId: string): Promise<CalendarRollout[]> {
    const { rows } = await this.db.pool.query<RolloutRow>(
      `SELECT * FROM ${this.table} WHERE bureau_id = $1 AND state IN ('pending', 'running') ORDER BY loaded_at, id`,
      [bureauId],
    );
    return rows.map(toRollout);
  }

  async markStarted(id: string): Promise<void> {
    await this.db.pool.query(`UPDATE ${this.table} SET state = 'running', started_at = now() WHERE id = $1 AND state = 'pending'`, [id]);
  }

  async markFailedToStart(id: string, error: string): Promise<void> {
    await this.db.pool.query(
      `UPDATE ${this.table} SET state = 'failed', finished_at = now(), error = $2 WHERE id = $1 AND state = 'pending'`,
      [id, error],
    );
  }

  /** The batch's progress; a finished rollout keeps its last figures (Temporal forgets batches after its retention). */
  async recordProgress(id: string, progress: BatchProgress): Promise<void> {
    await this.db.pool.query(
      `UPDATE ${this.table} SET state = $2, total = $3, done = $4, failed = $5, finished_at = $6, error = $7
       WHERE id = $1 AND state = 'running'`,
      [id, progress.state, progress.total, progress.done, progress.failed, progress.finishedAt, progress.error],
    );
  }

  async markUnknown(id: string): Promise<void> {
    await this.db.pool.query(`UPDATE ${this.table} SET state = 'unknown', error = $2 WHERE id = $1 AND state = 'running'`, [
      id,
      'Temporal 已不保存该批处理作业 / Temporal no longer holds this batch job (past the namespace retention)',
    ]);
  }

  private inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.db.pool, work);
  }
}
