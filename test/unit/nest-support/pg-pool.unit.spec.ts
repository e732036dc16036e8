import { Logger } from '@nestjs/common';
import { loadConfig } from '@qts/config';
import { PgPool } from '@qts/nest-support';

describe('PgPool: the database going away does not end the process', () => {
  it('hears the error pg reports when an idle connection is cut (unheard, Node would end the app)', async () => {
    const warnings: string[] = [];
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => {
      warnings.push(String(message));
    });
    const db = new PgPool(loadConfig({ DATABASE_URL: 'postgres://qts:qts@127.0.0.1:1/qts' }));
    try {
      // what pg-pool does when the server ends an idle client: emit 'error' on the pool, which throws if nobody listens
      expect(() => db.pool.emit('error', new Error('Connection terminated unexpectedly'), undefined)).not.toThrow();
      expect(warnings).toEqual([expect.stringContaining('Connection terminated unexpectedly') as string]);
    } finally {
      warn.mockRestore();
      await db.onApplicationShutdown();
    }
  });
});
