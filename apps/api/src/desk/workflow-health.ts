import { Injectable, Logger } from '@nestjs/common';
import { shanghaiDate, type IsoDate } from '@qts/domain';
import { TemporalConnection } from '../temporal/temporal.providers';

/** An activity retried this many times is stuck (a technical threshold of the platform, not a legal time). */
export const ACTIVITY_ATTEMPTS_STUCK = 5;
/** A workflow task failing this many times in a row is stuck (non-determinism, a bug in the workflow code). */
export const WORKFLOW_TASK_ATTEMPTS_STUCK = 3;
const DESCRIBE_TIMEOUT_MS = 2_000;

interface Ts {
  seconds?: unknown;
}

function dayOf(ts: Ts | null | undefined, fallback: IsoDate): IsoDate {
  // seconds are a protobuf Long (or a number): its decimal text is the value either way
  const s = ts?.seconds as { toString(): string } | number | null | undefined;
  const seconds = typeof s === 'number' ? s : s === undefined || s === null ? NaN : Number(s.toString());
  return Number.isFinite(seconds) ? shanghaiDate(seconds * 1000) : fallback;
}

/**
 * Technically stuck, asked of Temporal for the cases listed only (the engine shows such a workflow as "Running",
 * and pending activities' attempts are not searchable): an activity retried past ACTIVITY_ATTEMPTS_STUCK, a workflow
 * task failing past WORKFLOW_TASK_ATTEMPTS_STUCK. A case Temporal cannot describe (gone, engine down) is left as is.
 */
@Injectable()
export class WorkflowHealth {
  private readonly log = new Logger(WorkflowHealth.name);

  constructor(private readonly temporal: TemporalConnection) {}

  async problemsOf(caseIds: readonly string[], today: IsoDate): Promise<Map<string, { since: IsoDate; reason: string }>> {
    const found = new Map<string, { since: IsoDate; reason: string }>();
    if (caseIds.length === 0) return found;
    let client;
    try {
      client = await this.temporal.get();
    } catch (err) {
      this.log.warn(`Temporal unavailable, technical stalls not checked: ${String(err)}`);
      return found;
    }
    await Promise.all(
      caseIds.map(async (id) => {
        try {
          let timer: NodeJS.Timeout | undefined;
          const described = await Promise.race([
            client.workflow.getHandle(id).describe(),
            new Promise<never>((_, reject) => {
              timer = setTimeout(() => reject(new Error('describe timed out')), DESCRIBE_TIMEOUT_MS);
            }),
          ]).finally(() => clearTimeout(timer));
          const raw = described.raw;
          const activity = (raw.pendingActivities ?? []).find((a) => (a.attempt ?? 0) >= ACTIVITY_ATTEMPTS_STUCK);
          const task = raw.pendingWorkflowTask;
          if (activity) {
            found.set(id, {
              since: dayOf(activity.scheduledTime, today),
              reason: `活动 ${activity.activityType?.name ?? '?'} 已重试 ${activity.attempt ?? 0} 次：${activity.lastFailure?.message ?? ''} / activity retried ${activity.attempt ?? 0} times`,
            });
          } else if (task && (task.attempt ?? 0) >= WORKFLOW_TASK_ATTEMPTS_STUCK) {
            found.set(id, {
              since: dayOf(task.originalScheduledTime, today),
              reason: `流程任务连续失败 ${task.attempt ?? 0} 次 / the workflow task failed ${task.attempt ?? 0} times`,
            });
          }
        } catch {
          // not found, or Temporal slow: nothing known of it here
        }
      }),
    );
    return found;
  }
}
