import { createInterface } from 'node:readline';
import { Pool } from 'pg';
import { loadConfig } from '@qts/config';
import { Identity } from './identity';
import { createFirstAdministrator, seedDemoBureau } from './bootstrap';
import { DEMO_PASSWORD } from './demo-bureau';
import { verifyIdentityAudit } from './identity-audit-log';

const USAGE = `usage:
  npm run identity -- create-admin --id <user id> --name <name>   (password from QTS_ADMIN_PASSWORD, else asked on stdin)
  npm run identity -- seed-demo                                   (demo bureau for local runs; not with NODE_ENV=production)
  npm run identity -- verify-log                                  (verify the hash chain of the account/assignment log; exit 1 if broken)`;

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.QTS_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  process.stderr.write('password (at least 12 characters): ');
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  const config = loadConfig();
  const pool = new Pool({ connectionString: config.database.url, max: 2 });
  const identity = new Identity(pool, config.database.readModelSchema, config.auth.login);
  try {
    await identity.migrate();
    if (command === 'create-admin') {
      const id = option(args, '--id');
      const name = option(args, '--name');
      if (!id || !name) {
        console.error(USAGE);
        return 2;
      }
      const user = await createFirstAdministrator(identity, { id, name, password: await readPassword() });
      console.log(`已创建管理员 created administrator ${user.id} (${user.name}) in schema ${identity.schema}`);
      return 0;
    }
    if (command === 'verify-log') {
      const report = await verifyIdentityAudit(pool, identity.tables);
      console.log(
        report.ok
          ? `校验通过 verified: ${report.entriesChecked} identity log entries`
          : `校验失败 BROKEN at entry ${report.firstBreak?.seq ?? '?'} (${report.firstBreak?.reason ?? ''}): ${report.firstBreak?.message ?? ''}`,
      );
      return report.ok ? 0 : 1;
    }
    if (command === 'seed-demo') {
      if (process.env.NODE_ENV === 'production') {
        console.error('seed-demo refuses to run with NODE_ENV=production');
        return 2;
      }
      const created = await seedDemoBureau(identity);
      console.log(
        created.length === 0
          ? `演示数据已存在 demo bureau already loaded (schema ${identity.schema})`
          : `已载入演示局 loaded ${created.length} demo accounts (password "${DEMO_PASSWORD}"): ${created.join(', ')}`,
      );
      return 0;
    }
    console.error(USAGE);
    return 2;
  } finally {
    await pool.end();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
