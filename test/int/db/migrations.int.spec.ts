import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { loadConfig, type AppConfig } from '@qts/config';
import { PENALTY_CASE_TYPE } from '@qts/domain';
import { migrateIdentity } from '@qts/identity';
import { applyMigrations } from '@qts/migrations';
import { PgPool } from '@qts/nest-support';
import { MIGRATIONS, migrateReadModel, tablesOf } from '@qts/read-model';
import { ReferenceTables } from '../../../apps/api/src/db/reference-tables';

const config = loadConfig(process.env);
const pool = new Pool({ connectionString: config.database.url, max: 2 });
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

  it('a read model migrated by the earlier code (its own schema_migrations, versions 1 and 2) gets version 3 and keeps its rows', async () => {
    const schema = fresh('rm');
    const t = tablesOf(schema);
    // as the read model's own migrate() left it before @qts/migrations: the same table, versions 1 and 2 recorded
    await pool.query(`CREATE SCHEMA "${schema}"`);
    await pool.query(`CREATE TABLE "${schema}".schema_migrations (version integer PRIMARY KEY, name text NOT NULL)`);
    for (const m of MIGRATIONS.slice(0, 2)) {
      for (const statement of m.statements(t)) await pool.query(statement);
      await pool.query(`INSERT INTO "${schema}".schema_migrations (version, name) VALUES ($1, $2)`, [m.version, m.name]);
    }
    await pool.query(
      `INSERT INTO ${t.cases} (case_id, case_type, bureau_id, section, stage, title, party_name, closed, state, last_seq, opened_at, updated_at)
       VALUES ('PEN-1', $1, 'district-demo', 'metrology', 'lead', '案件', '某公司', false, '{}', 1, now(), now())`,
      [PENALTY_CASE_TYPE],
    );
    await pool.query(`INSERT INTO ${t.projectorOffsets} (topic, partition, next_offset) VALUES ('cases.events.v1', 0, 7)`);

    const client = await pool.connect();
    try {
      // version 3 and every later one (later migrations are appended)
      expect(await migrateReadModel(client, schema)).toEqual(MIGRATIONS.map((m) => m.version).filter((v) => v > 2));
      expect(await migrateReadModel(client, schema)).toEqual([]);
    } finally {
      client.release();
    }

    expect((await pool.query(`SELECT case_id, case_type FROM ${t.cases}`)).rows).toEqual([
      { case_id: 'PEN-1', case_type: PENALTY_CASE_TYPE },
    ]);
    expect((await pool.query(`SELECT next_offset FROM ${t.projectorOffsets}`)).rows).toEqual([{ next_offset: '7' }]);
    expect((await pool.query(`SELECT count(*)::int AS n FROM ${t.damagedCases}`)).rows).toEqual([{ n: 0 }]);
    const recorded = await pool.query(`SELECT version FROM "${schema}".schema_migrations ORDER BY version`);
    expect(recorded.rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
  });

  it('the API reference tables created before migrations were recorded are carried forward without loss', async () => {
    const readModelSchema = fresh('api');
    const schema = `${readModelSchema}_ref`;
    schemas.push(schema);
    // as the API's start-up created them before (holiday notices and refused commands; no rollouts yet), with rows
    await pool.query(`CREATE SCHEMA "${schema}"`);
    await pool.query(`CREATE TABLE "${schema}".calendar_notices (
      year int PRIMARY KEY, notice jsonb NOT NULL, loaded_by jsonb NOT NULL, loaded_at timestamptz NOT NULL DEFAULT now())`);
    await pool.query(`CREATE TABLE "${schema}".refused_commands (
      id bigserial PRIMARY KEY, refused_at timestamptz NOT NULL DEFAULT now(), case_id text, actor jsonb NOT NULL,
      command jsonb NOT NULL, code text NOT NULL, message text NOT NULL)`);
    await pool.query(`CREATE INDEX refused_commands_case_idx ON "${schema}".refused_commands (case_id, id)`);
    await pool.query(
      `INSERT INTO "${schema}".calendar_notices (year, notice, loaded_by) VALUES (2027, '{"year": 2027}', '{"id": "admin"}')`,
    );
    await pool.query(
      `INSERT INTO "${schema}".refused_commands (case_id, actor, command, code, message)
       VALUES ('PEN-1', '{"id": "officer-li"}', '{"type": "DecidePenalty"}', 'ROLE_NOT_PERMITTED', '须由局长作出')`,
    );

    const apiConfig: AppConfig = { ...config, database: { ...config.database, readModelSchema } };
    const db = new PgPool(apiConfig);
    try {
      await new ReferenceTables(apiConfig, db).onModuleInit();
      await new ReferenceTables(apiConfig, db).onModuleInit();
    } finally {
      await db.onApplicationShutdown();
    }

    expect((await pool.query(`SELECT year, notice FROM "${schema}".calendar_notices`)).rows).toEqual([
      { year: 2027, notice: { year: 2027 } },
    ]);
    expect((await pool.query(`SELECT case_id, code FROM "${schema}".refused_commands`)).rows).toEqual([
      { case_id: 'PEN-1', code: 'ROLE_NOT_PERMITTED' },
    ]);
    // the table added since is there
    expect((await pool.query(`SELECT count(*)::int AS n FROM "${schema}".calendar_rollouts`)).rows).toEqual([{ n: 0 }]);
    const recorded = await pool.query(`SELECT version FROM "${schema}".schema_migrations`);
    // version 1 is the schema as it was; version 2 added the notice acknowledgements
    expect(recorded.rows.map((r: { version: number }) => r.version).sort()).toEqual([1, 2]);
  });
});
