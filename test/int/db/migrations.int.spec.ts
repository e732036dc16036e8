import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { loadConfig } from '@qts/config';
import { migrateIdentity } from '@qts/identity';
import { applyMigrations } from '@qts/migrations';

const pool = new Pool({ connectionString: loadConfig({}).database.url, max: 2 });
const schemas: string[] = [];
const fresh = (what: string) => {
  const name = `mig_${what}_${randomBytes(4).toString('hex')}`;
  schemas.push(name);
  return name;
};
afterAll(async () => {
  for (const s of schemas) await pool.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  await pool.end();
});

/** Every schema is created and changed one way: numbered migrations, each applied once, old databases carried forward. */
describe('versioned migrations on a real PostgreSQL', () => {
  it('applies each migration once, in order, and records it; a second run applies nothing', async () => {
    const schema = fresh('set');
    const set = {
      schema,
      migrations: [
        { version: 1, name: 'a table', statements: [`CREATE TABLE "${schema}".t (id int PRIMARY KEY)`] },
        { version: 2, name: 'a column', statements: [`ALTER TABLE "${schema}".t ADD COLUMN note text`] },
      ],
    };
    expect(await applyMigrations(pool, set)).toEqual([1, 2]);
    expect(await applyMigrations(pool, set)).toEqual([]);
    const { rows } = await pool.query<{ version: number; name: string }>(
      `SELECT version, name FROM "${schema}".schema_migrations ORDER BY version`,
    );
    expect(rows).toEqual([
      { version: 1, name: 'a table' },
      { version: 2, name: 'a column' },
    ]);
  });

  it('refuses a set whose numbers are not 1, 2, 3…, and a failing migration leaves nothing half-applied', async () => {
    const schema = fresh('bad');
    await expect(applyMigrations(pool, { schema, migrations: [{ version: 2, name: 'gap', statements: [] }] })).rejects.toThrow(
      /expected 1/,
    );
    const failing = {
      schema,
      migrations: [
        { version: 1, name: 'ok', statements: [`CREATE TABLE "${schema}".a (id int)`] },
        { version: 2, name: 'broken', statements: ['SELECT no_such_function()'] },
      ],
    };
    await expect(applyMigrations(pool, failing)).rejects.toThrow();
    const exists = await pool.query(`SELECT to_regclass($1) AS t`, [`"${schema}".a`]);
    expect(exists.rows[0]).toEqual({ t: null });
  });

  it('an identity schema created before migrations were recorded is carried forward without loss', async () => {
    const schema = fresh('identity');
    // the schema as the earlier code created it (no schema_migrations table), with an account in it
    await pool.query(`CREATE SCHEMA "${schema}"`);
    await pool.query(`CREATE TABLE "${schema}".users (
      id text PRIMARY KEY, display_name text NOT NULL, section text, roles text[] NOT NULL, password_hash text NOT NULL,
      certificate jsonb, disabled_at timestamptz, disabled_reason text,
      created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now())`);
    await pool.query(`CREATE TABLE "${schema}".login_failures (
      id bigserial PRIMARY KEY, account text NOT NULL, address text NOT NULL, at timestamptz NOT NULL DEFAULT now())`);
    await pool.query(
      `INSERT INTO "${schema}".users (id, display_name, roles, password_hash) VALUES ('officer-li', '李明', '{officer}', 'x')`,
    );
    await pool.query(`INSERT INTO "${schema}".login_failures (account, address) VALUES ('officer-li', '127.0.0.1')`);

    await migrateIdentity(pool, schema);
    await migrateIdentity(pool, schema);

    const users = await pool.query(`SELECT id, display_name FROM "${schema}".users`);
    expect(users.rows).toEqual([{ id: 'officer-li', display_name: '李明' }]);
    // a column later versions added is there, with its default on the old row
    const failures = await pool.query(`SELECT account, account_cleared FROM "${schema}".login_failures`);
    expect(failures.rows).toEqual([{ account: 'officer-li', account_cleared: false }]);
    const recorded = await pool.query(`SELECT version FROM "${schema}".schema_migrations`);
    expect(recorded.rows).toEqual([{ version: 1 }]);
  });
});
