import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { canonicalJson } from '@qts/audit';
import type { IdentityTables } from './identity-schema';

/** Account and assignment changes: who did what to whom, hash-linked like the case events. */
export type IdentityAuditAction =
  | 'user.created'
  | 'user.roles_changed'
  | 'user.certificate_changed'
  | 'user.disabled'
  | 'user.enabled'
  | 'user.password_changed'
  | 'assignment.granted'
  | 'assignment.revoked'
  | 'session.opened'
  | 'session.ended';

export interface IdentityAuditEntry {
  seq: number;
  at: string;
  actorId: string;
  action: IdentityAuditAction;
  subject: string;
  details: Record<string, unknown>;
  prevHash: string | null;
  hash: string;
}

function auditEntryHash(entry: Omit<IdentityAuditEntry, 'hash'>): string {
  return createHash('sha256').update(canonicalJson(entry)).digest('hex');
}

interface AuditRow {
  seq: string;
  at: Date;
  actor_id: string;
  action: IdentityAuditAction;
  subject: string;
  details: Record<string, unknown>;
  prev_hash: string | null;
  hash: string;
}

const toEntry = (r: AuditRow): IdentityAuditEntry => ({
  seq: Number(r.seq),
  at: r.at.toISOString(),
  actorId: r.actor_id,
  action: r.action,
  subject: r.subject,
  details: r.details,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/** Appends inside the caller's transaction; the lock makes the chain a line even with several API instances. */
export async function appendIdentityAudit(
  client: PoolClient,
  t: IdentityTables,
  entry: { actorId: string; action: IdentityAuditAction; subject: string; details: Record<string, unknown> },
): Promise<IdentityAuditEntry> {
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [t.auditLog]);
  const last = await client.query<{ seq: string; hash: string }>(`SELECT seq, hash FROM ${t.auditLog} ORDER BY seq DESC LIMIT 1`);
  const previous = last.rows[0];
  const unhashed = {
    seq: previous ? Number(previous.seq) + 1 : 1,
    at: new Date().toISOString(),
    actorId: entry.actorId,
    action: entry.action,
    subject: entry.subject,
    details: entry.details,
    prevHash: previous?.hash ?? null,
  };
  const hashed = { ...unhashed, hash: auditEntryHash(unhashed) };
  await client.query(
    `INSERT INTO ${t.auditLog} (seq, at, actor_id, action, subject, details, prev_hash, hash) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
    [hashed.seq, hashed.at, hashed.actorId, hashed.action, hashed.subject, JSON.stringify(hashed.details), hashed.prevHash, hashed.hash],
  );
  return hashed;
}

export async function listIdentityAudit(
  pool: Pool,
  t: IdentityTables,
  filter: { subject?: string; limit: number },
): Promise<IdentityAuditEntry[]> {
  const rows = await pool.query<AuditRow>(
    `SELECT * FROM ${t.auditLog} WHERE ($1::text IS NULL OR subject = $1) ORDER BY seq DESC LIMIT $2`,
    [filter.subject ?? null, filter.limit],
  );
  return rows.rows.map(toEntry);
}

export interface IdentityAuditReport {
  ok: boolean;
  entriesChecked: number;
  firstBreak: { seq: number; reason: 'hash_mismatch' | 'previous_hash_mismatch' | 'sequence_gap'; message: string } | null;
}

/** Walks the whole log; reports the first entry whose hash or link does not hold. */
export async function verifyIdentityAudit(pool: Pool, t: IdentityTables): Promise<IdentityAuditReport> {
  const rows = await pool.query<AuditRow>(`SELECT * FROM ${t.auditLog} ORDER BY seq`);
  let previous: string | null = null;
  let expected = 1;
  for (const row of rows.rows) {
    const entry = toEntry(row);
    const fail = (reason: NonNullable<IdentityAuditReport['firstBreak']>['reason'], message: string): IdentityAuditReport => ({
      ok: false,
      entriesChecked: expected,
      firstBreak: { seq: entry.seq, reason, message },
    });
    if (entry.seq !== expected) return fail('sequence_gap', `第 ${expected} 条缺失 / entry ${expected} is missing`);
    if (entry.prevHash !== previous)
      return fail('previous_hash_mismatch', `第 ${entry.seq} 条与上一条不相连 / does not link to the previous entry`);
    const { hash, ...rest } = entry;
    if (auditEntryHash(rest) !== hash) return fail('hash_mismatch', `第 ${entry.seq} 条内容被改动 / entry ${entry.seq} was altered`);
    previous = hash;
    expected += 1;
  }
  return { ok: true, entriesChecked: rows.rows.length, firstBreak: null };
}
