// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createdAt } = require('../../support/prune-test-leftovers') as { createdAt: (name: string) => number | null };

describe('the names the leftover pruning recognises as a test run’s', () => {
  const at = Date.UTC(2026, 11, 4, 8, 0, 0);
  const ts = at.toString(36);

  it('reads the creation time of a stack’s topics and schemas', () => {
    expect(createdAt(`t${ts}a1b2c3.cases.events.v1`)).toBe(at);
    expect(createdAt(`rm_t${ts}a1b2c3`)).toBe(at);
    expect(createdAt(`rm_t${ts}a1b2c3_identity`)).toBe(at);
  });

  it('reads the creation time of a projector test run’s topics and schema', () => {
    expect(createdAt(`t-crash_${ts}_a1b2c3.cases.events.v1`)).toBe(at);
    expect(createdAt(`rm_crash_${ts}_a1b2c3`)).toBe(at);
  });

  it('leaves the system’s own topics and schemas alone', () => {
    for (const name of ['cases.events.v1', 'cases.events.v1.dlq', '__consumer_offsets', 'rm', 'qts', 'rm_main', 'notices.v1', 'tally.v1'])
      expect(createdAt(name)).toBeNull();
  });
});
