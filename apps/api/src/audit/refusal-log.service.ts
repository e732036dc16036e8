import { Injectable } from '@nestjs/common';
import type { Actor } from '@qts/domain';
import { PgPool } from '@qts/nest-support';
import { ReferenceTables } from '../db/reference-tables';
import { ApiError } from '../errors/api-error';

export interface Refusal {
  caseId: string | null;
  actor: Actor;
  command: unknown;
  code: string;
  message: string;
}

/**
 * JSON PostgreSQL's jsonb accepts: a NUL (which jsonb refuses) is kept as the visible text `\u0000`, so a command
 * refused for carrying one is still recorded as it came.
 */
function storableJson(value: unknown): string {
  return JSON.stringify(value).replace(/(?<!\\)((?:\\\\)*)\\u0000/g, '$1\\\\u0000');
}

/** Every refused command (who, what, why), kept apart from case state so a refusal changes nothing else. */
@Injectable()
export class RefusalLog {
  private readonly table: string;

  constructor(
    private readonly db: PgPool,
    tables: ReferenceTables,
  ) {
    this.table = tables.table('refused_commands');
  }

  /** Records a command refusal (4xx with the decider's reason) and rethrows whatever it was given. */
  async refuse(caseId: string | null, command: unknown, actor: Actor, err: unknown): Promise<never> {
    if (err instanceof ApiError && err.status < 500 && err.code !== 'CASE_NOT_FOUND') {
      await this.record({ caseId, actor, command, code: err.code, message: err.message });
    }
    throw err;
  }

  async record(r: Refusal): Promise<void> {
    await this.db.pool.query(`INSERT INTO ${this.table} (case_id, actor, command, code, message) VALUES ($1, $2, $3, $4, $5)`, [
      r.caseId,
      JSON.stringify(r.actor),
      storableJson(r.command ?? null),
      r.code,
      r.message,
    ]);
  }

  async list(filter: { caseId?: string | undefined; limit: number }) {
    const { rows } = await this.db.pool.query<{
      refused_at: Date;
      case_id: string | null;
      actor: Actor;
      command: unknown;
      code: string;
      message: string;
    }>(
      `SELECT refused_at, case_id, actor, command, code, message FROM ${this.table}
       ${filter.caseId ? 'WHERE case_id = $2' : ''} ORDER BY id DESC LIMIT $1`,
      filter.caseId ? [filter.limit, filter.caseId] : [filter.limit],
    );
    return rows.map((r) => ({
      refusedAt: r.refused_at.toISOString(),
      caseId: r.case_id,
      actor: r.actor,
      command: r.command,
      code: r.code,
      message: r.message,
    }));
  }
}
