// Before the integration tier: remove the Kafka topics and read-model schemas that earlier test runs left behind (a
// run killed before its teardown). Only names that carry a test run's creation time, and only those older than
// QTS_TEST_LEFTOVER_HOURS (3 by default): another checkout's tests running on the same services right now keep theirs.
const { Kafka, logLevel } = require('kafkajs');
const { Pool } = require('pg');

/** The creation time (ms) a test run wrote into a topic or schema name, or null for a name that is not a test's. */
function createdAt(name) {
  const match =
    /^(?:rm_)?t([0-9a-z]{8})[0-9a-f]{6}(?:\.|_|$)/.exec(name) ?? /^(?:t-|rm_)[a-z0-9-]+_([0-9a-z]{8})_[0-9a-f]{6}(?:\.|_|$)/.exec(name);
  if (!match) return null;
  const ms = parseInt(match[1], 36);
  return ms > Date.UTC(2024, 0, 1) && ms < Date.now() + 86_400_000 ? ms : null;
}

function isStale(name, now, hours) {
  const at = createdAt(name);
  return at !== null && now - at > hours * 3_600_000;
}

async function pruneTestLeftovers(env = process.env) {
  const hours = Number(env.QTS_TEST_LEFTOVER_HOURS ?? 3);
  const now = Date.now();
  const admin = new Kafka({
    clientId: 'prune-test-leftovers',
    brokers: (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    logLevel: logLevel.NOTHING,
  }).admin();
  const pool = new Pool({ connectionString: env.DATABASE_URL ?? 'postgres://qts:qts@127.0.0.1:55432/qts', max: 1 });
  let topics = [];
  let schemas = [];
  try {
    await admin.connect();
    topics = (await admin.listTopics()).filter((t) => isStale(t, now, hours));
    // a few hundred at a time: one request naming thousands of topics times out on a small broker
    for (let i = 0; i < topics.length; i += 200) await admin.deleteTopics({ topics: topics.slice(i, i + 200), timeout: 60_000 });
    const { rows } = await pool.query("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'rm\\_%'");
    schemas = rows.map((r) => r.nspname).filter((n) => isStale(n, now, hours));
    for (const schema of schemas) await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } catch (err) {
    console.warn(`[prune] could not remove old test data: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    await admin.disconnect().catch(() => undefined);
    await pool.end();
  }
  if (topics.length + schemas.length > 0)
    console.log(
      `[prune] removed ${topics.length} topic(s) and ${schemas.length} schema(s) older than ${hours} h left by earlier test runs`,
    );
}

module.exports = { pruneTestLeftovers, createdAt };
