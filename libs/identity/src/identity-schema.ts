import type { Pool } from 'pg';
import { applyMigrations, type Migration } from '@qts/migrations';

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

/**
 * The identity schema's migrations (the platform's one mechanism, @qts/migrations). Version 1 is the schema as it
 * was created before migrations were recorded here, written so that it also applies to such a database unchanged.
 */
function identityMigrations(t: IdentityTables): Migration[] {
  return [
    {
      version: 1,
      name: 'accounts, sessions, failed sign-ins, assignments, identity audit log',
      statements: [
        `CREATE TABLE IF NOT EXISTS ${t.users} (
    id text PRIMARY KEY,
    display_name text NOT NULL,
    section text,
    roles text[] NOT NULL,
    password_hash text NOT NULL,
    certificate jsonb,
    disabled_at timestamptz,
    disabled_reason text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now())`,
        `CREATE TABLE IF NOT EXISTS ${t.sessions} (
    id uuid PRIMARY KEY,
    user_id text NOT NULL REFERENCES ${t.users}(id),
    refresh_hash text NOT NULL,
    address text,
    created_at timestamptz NOT NULL DEFAULT now(),
    refreshed_at timestamptz,
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz,
    revoked_reason text)`,
        `CREATE INDEX IF NOT EXISTS sessions_user_idx ON ${t.sessions} (user_id) WHERE revoked_at IS NULL`,
        `CREATE TABLE IF NOT EXISTS ${t.loginFailures} (
    id bigserial PRIMARY KEY, account text NOT NULL, address text NOT NULL, at timestamptz NOT NULL DEFAULT now(),
    account_cleared boolean NOT NULL DEFAULT false)`,
        `ALTER TABLE ${t.loginFailures} ADD COLUMN IF NOT EXISTS account_cleared boolean NOT NULL DEFAULT false`,
        `CREATE INDEX IF NOT EXISTS login_failures_account_idx ON ${t.loginFailures} (account, at)`,
        `CREATE INDEX IF NOT EXISTS login_failures_address_idx ON ${t.loginFailures} (address, at)`,
        `CREATE TABLE IF NOT EXISTS ${t.assignments} (
    id bigserial PRIMARY KEY,
    case_id text NOT NULL,
    user_id text NOT NULL REFERENCES ${t.users}(id),
    granted_by text NOT NULL,
    reason text NOT NULL,
    granted_at timestamptz NOT NULL DEFAULT now(),
    revoked_by text,
    revoked_at timestamptz)`,
        `CREATE UNIQUE INDEX IF NOT EXISTS case_assignments_active_idx ON ${t.assignments} (case_id, user_id) WHERE revoked_at IS NULL`,
        `CREATE TABLE IF NOT EXISTS ${t.auditLog} (
    seq bigint PRIMARY KEY,
    at timestamptz NOT NULL,
    actor_id text NOT NULL,
    action text NOT NULL,
    subject text NOT NULL,
    details jsonb NOT NULL,
    prev_hash text,
    hash text NOT NULL)`,
      ],
    },
  ];
}

/** Idempotent; several processes may call it at once (advisory lock). */
export async function migrateIdentity(pool: Pool, schema: string): Promise<void> {
  await applyMigrations(pool, { schema, migrations: identityMigrations(identityTables(schema)) });
}
