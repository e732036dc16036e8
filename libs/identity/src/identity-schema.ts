import type { Pool } from 'pg';
import { inTransaction } from './transaction';

/** Accounts, sessions, failed sign-ins, assignments and the identity audit log live in `<read model schema>_identity`. */
export function identitySchemaName(readModelSchema: string): string {
  return `${readModelSchema}_identity`;
}

export interface IdentityTables {
  readonly users: string;
  readonly sessions: string;
  readonly loginFailures: string;
  readonly assignments: string;
  readonly auditLog: string;
}

export function identityTables(schema: string): IdentityTables {
  const q = (name: string) => `"${schema}".${name}`;
  return {
    users: q('users'),
    sessions: q('sessions'),
    loginFailures: q('login_failures'),
    assignments: q('case_assignments'),
    auditLog: q('identity_audit_log'),
  };
}

/** Idempotent; several processes may call it at once (advisory lock). */
export async function migrateIdentity(pool: Pool, schema: string): Promise<void> {
  const t = identityTables(schema);
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`qts-identity:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${t.users} (
    id text PRIMARY KEY,
    display_name text NOT NULL,
    section text,
    roles text[] NOT NULL,
    password_hash text NOT NULL,
    certificate jsonb,
    disabled_at timestamptz,
    disabled_reason text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now())`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${t.sessions} (
    id uuid PRIMARY KEY,
    user_id text NOT NULL REFERENCES ${t.users}(id),
    refresh_hash text NOT NULL,
    address text,
    created_at timestamptz NOT NULL DEFAULT now(),
    refreshed_at timestamptz,
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz,
    revoked_reason text)`);
    await client.query(`CREATE INDEX IF NOT EXISTS sessions_user_idx ON ${t.sessions} (user_id) WHERE revoked_at IS NULL`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${t.loginFailures} (
    id bigserial PRIMARY KEY, account text NOT NULL, address text NOT NULL, at timestamptz NOT NULL DEFAULT now(),
    account_cleared boolean NOT NULL DEFAULT false)`);
    await client.query(`ALTER TABLE ${t.loginFailures} ADD COLUMN IF NOT EXISTS account_cleared boolean NOT NULL DEFAULT false`);
    await client.query(`CREATE INDEX IF NOT EXISTS login_failures_account_idx ON ${t.loginFailures} (account, at)`);
    await client.query(`CREATE INDEX IF NOT EXISTS login_failures_address_idx ON ${t.loginFailures} (address, at)`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${t.assignments} (
    id bigserial PRIMARY KEY,
    case_id text NOT NULL,
    user_id text NOT NULL REFERENCES ${t.users}(id),
    granted_by text NOT NULL,
    reason text NOT NULL,
    granted_at timestamptz NOT NULL DEFAULT now(),
    revoked_by text,
    revoked_at timestamptz)`);
    await client.query(
      `CREATE UNIQUE INDEX IF NOT EXISTS case_assignments_active_idx ON ${t.assignments} (case_id, user_id) WHERE revoked_at IS NULL`,
    );
    await client.query(`CREATE TABLE IF NOT EXISTS ${t.auditLog} (
    seq bigint PRIMARY KEY,
    at timestamptz NOT NULL,
    actor_id text NOT NULL,
    action text NOT NULL,
    subject text NOT NULL,
    details jsonb NOT NULL,
    prev_hash text,
    hash text NOT NULL)`);
  });
}
