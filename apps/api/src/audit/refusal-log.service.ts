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

// what jsonb cannot hold: NUL, and halves of a surrogate pair (matched on UTF-16 code units, no `u` flag)
// eslint-disable-next-line no-control-regex
const UNSTORABLE_IN_JSONB = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The value with every character jsonb refuses kept as visible text (`\u0000`), keys included. */
function visible(value: unknown): unknown {
  const text = (s: string) => s.replace(UNSTORABLE_IN_JSONB, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (typeof value === 'string') return text(value);
  if (Array.isArray(value)) return value.map(visible);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [text(k), visible(v)]));
  return value;
}

/** JSON PostgreSQL's jsonb accepts: a command refused for carrying NUL or a lone surrogate is still recorded as it came. */
function storableJson(value: unknown): string {
  return JSON.stringify(visible(value));
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
