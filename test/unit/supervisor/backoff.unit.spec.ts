import { crashesAfterRun, restartDelayMs } from '../../../apps/supervisor/src/backoff';

describe('restart back-off of a supervised app', () => {
  it('doubles from one second per crash in a row, never past thirty seconds', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map(restartDelayMs)).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('counts crashes in a row, and forgets them after a run of a minute', () => {
    expect(crashesAfterRun(0, 500)).toBe(1);
    expect(crashesAfterRun(3, 500)).toBe(4);
    expect(crashesAfterRun(5, 60_000)).toBe(1);
  });
});
