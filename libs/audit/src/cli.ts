import { Pool } from 'pg';
import { loadConfig } from '@qts/config';
import { verifyStore } from './verify-store';

/** `npm run audit:verify [-- --case <caseId>]`: verifies the hash chains of the read model; exit 1 on a broken link. */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--case');
  const caseId = at >= 0 ? args[at + 1] : undefined;
  if (at >= 0 && !caseId) {
    console.error('usage: audit:verify [--case <caseId>]');
    return 2;
  }
  const config = loadConfig();
  const pool = new Pool({ connectionString: config.database.url, max: 2 });
  try {
    const report = await verifyStore(pool, config.database.readModelSchema, caseId);
    console.log(JSON.stringify(report, null, 2));
    console.log(
      report.ok
        ? `校验通过 verified: ${report.casesChecked} cases, ${report.eventsChecked} events`
        : `校验失败 BROKEN: ${report.broken.map((b) => `${b.eventId} (${b.reason})`).join(', ')}`,
    );
    return report.ok ? 0 : 1;
  } finally {
    await pool.end();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
