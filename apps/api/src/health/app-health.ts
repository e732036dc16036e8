import { Inject, Injectable } from '@nestjs/common';
import { temporal } from '@temporalio/proto';
import { topicNames, type AppConfig } from '@qts/config';
import { withAdmin } from '@qts/kafka';
import { APP_CONFIG, PgPool } from '@qts/nest-support';
import { loadPositions } from '@qts/read-model';
import { KafkaAccess } from '../kafka/kafka-access';
import { TemporalConnection } from '../temporal/temporal.providers';
import type { ProjectorHealth, WorkerHealth } from './answers';

/** A worker long-polls for at most about a minute: a poller not seen for longer has gone. */
const POLLER_FRESH_MS = 90_000;

/** A protobuf timestamp (seconds may be a Long) in epoch milliseconds. */
function timestampMs(ts: { seconds?: number | { toString(): string } | null; nanos?: number | null } | null | undefined): number | null {
  if (ts?.seconds === null || ts?.seconds === undefined) return null;
  return Number(ts.seconds.toString()) * 1000 + Math.floor((ts.nanos ?? 0) / 1e6);
}

/** The apps behind the API, asked where they show: the worker by its polls, the projector by its group and lag. */
@Injectable()
export class AppHealth {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly temporal: TemporalConnection,
    private readonly kafka: KafkaAccess,
    private readonly db: PgPool,
  ) {}

  async worker(): Promise<WorkerHealth> {
    const client = await this.temporal.get();
    const { pollers } = await client.workflowService.describeTaskQueue({
      namespace: this.config.temporal.namespace,
      taskQueue: { name: this.config.temporal.taskQueue },
      taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
    });
    const seen = (pollers ?? []).map((p) => timestampMs(p.lastAccessTime)).filter((t): t is number => t !== null);
    const fresh = seen.filter((t) => Date.now() - t < POLLER_FRESH_MS);
    const last = seen.length > 0 ? Math.max(...seen) : null;
    return {
      status: fresh.length > 0 ? 'up' : 'down',
      pollers: fresh.length,
      lastPollAt: last === null ? null : new Date(last).toISOString(),
    };
  }

  async projector(): Promise<ProjectorHealth> {
    const topic = topicNames(this.config).caseEvents;
    const { members, offsets } = await withAdmin(this.kafka.kafka, async (admin) => {
      const { groups } = await admin.describeGroups([this.config.projector.groupId]);
      const present = (await admin.listTopics()).includes(topic);
      return { members: groups[0]?.members.length ?? 0, offsets: present ? await admin.fetchTopicOffsets(topic) : [] };
    });
    const positions = await loadPositions(this.db.pool, this.config.database.readModelSchema, topic);
    const lag = offsets.reduce((sum, o) => {
      const behind = BigInt(o.high) - BigInt(positions.get(o.partition) ?? o.low);
      return sum + (behind > 0n ? Number(behind) : 0);
    }, 0);
    return { status: members > 0 ? 'up' : 'down', members, lag };
  }
}
