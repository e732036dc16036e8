import { WorkflowHealth } from '../../../apps/api/src/desk/workflow-health';
import type { TemporalConnection } from '../../../apps/api/src/temporal/temporal.providers';

type Raw = {
  pendingActivities?: {
    activityType?: { name: string };
    attempt?: number;
    lastFailure?: { message: string };
    scheduledTime?: { seconds: number };
  }[];
  pendingWorkflowTask?: { attempt?: number; originalScheduledTime?: { seconds: number } } | null;
};

/** A Temporal client that describes each workflow as given (unknown ids: not found). */
function temporalDescribing(byId: Record<string, Raw>): TemporalConnection {
  const client = {
    workflow: {
      getHandle: (id: string) => ({
        describe: () => (byId[id] ? Promise.resolve({ raw: byId[id] }) : Promise.reject(new Error('workflow not found'))),
      }),
    },
  };
  return { get: () => Promise.resolve(client) } as unknown as TemporalConnection;
}

const at = (iso: string) => ({ seconds: Date.parse(iso) / 1000 });

describe('technically stuck workflows', () => {
  it('names an activity retried 5+ times and a workflow task failing 3+ times; not fewer, not an unknown workflow', async () => {
    const health = new WorkflowHealth(
      temporalDescribing({
        'PEN-STUCK': {
          pendingActivities: [
            {
              activityType: { name: 'publishEvents' },
              attempt: 7,
              lastFailure: { message: 'broker unreachable' },
              scheduledTime: at('2026-12-01T02:00:00Z'),
            },
          ],
        },
        'PEN-TASK': { pendingActivities: [], pendingWorkflowTask: { attempt: 4, originalScheduledTime: at('2026-12-02T17:00:00Z') } },
        'PEN-RETRYING': {
          pendingActivities: [{ activityType: { name: 'publishEvents' }, attempt: 4 }],
          pendingWorkflowTask: { attempt: 2 },
        },
      }),
    );
    const found = await health.problemsOf(['PEN-STUCK', 'PEN-TASK', 'PEN-RETRYING', 'PEN-GONE'], '2026-12-04');
    expect([...found.keys()].sort()).toEqual(['PEN-STUCK', 'PEN-TASK']);
    expect(found.get('PEN-STUCK')).toEqual({
      since: '2026-12-01',
      reason: expect.stringContaining('publishEvents 已重试 7 次：broker unreachable') as string,
    });
    // 17:00 UTC is the next day in Beijing
    expect(found.get('PEN-TASK')?.since).toBe('2026-12-03');
  });

  it('checks nothing when Temporal cannot be reached', async () => {
    const down = { get: () => Promise.reject(new Error('connection refused')) } as unknown as TemporalConnection;
    expect((await new WorkflowHealth(down).problemsOf(['PEN-1'], '2026-12-04')).size).toBe(0);
  });
});
