import { untilReady } from '@qts/nest-support';

function recordingLog() {
  const lines: string[] = [];
  return { lines, warn: (message: string) => lines.push(message) };
}

describe('untilReady: a start-up step that waits for another service', () => {
  it('repeats a failing step until it succeeds, logging each failure with its reason', async () => {
    const log = recordingLog();
    let calls = 0;
    const result = await untilReady(
      'creating the Kafka topics',
      () => {
        calls += 1;
        return calls < 3 ? Promise.reject(new Error('LEADER_NOT_AVAILABLE')) : Promise.resolve('ready');
      },
      log,
      { delayMs: 1, maxDelayMs: 2 },
    );
    expect(result).toBe('ready');
    expect(calls).toBe(3);
    expect(log.lines).toEqual([
      'creating the Kafka topics: attempt 1 failed (LEADER_NOT_AVAILABLE); retrying in 1 ms',
      'creating the Kafka topics: attempt 2 failed (LEADER_NOT_AVAILABLE); retrying in 2 ms',
    ]);
  });

  it('gives up when the time is up, naming the step, the attempts and the last reason', async () => {
    const log = recordingLog();
    await expect(
      untilReady('connecting to Temporal at 127.0.0.1:1', () => Promise.reject(new Error('connection refused')), log, {
        timeoutMs: 30,
        delayMs: 5,
        maxDelayMs: 5,
      }),
    ).rejects.toThrow(/^connecting to Temporal at 127\.0\.0\.1:1: gave up after \d+ attempt\(s\) in 30 ms: connection refused$/);
    expect(log.lines.length).toBeGreaterThan(0);
  });

  it('does not retry a step that succeeds at once', async () => {
    const log = recordingLog();
    await expect(untilReady('x', () => Promise.resolve(7), log)).resolves.toBe(7);
    expect(log.lines).toEqual([]);
  });
});
