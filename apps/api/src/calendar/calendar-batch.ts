import { Inject, Injectable } from '@nestjs/common';
import type { CalendarSnapshot } from '@qts/domain';
import type { AppConfig } from '@qts/config';
import { BUREAU_SEARCH_ATTRIBUTE, calendarUpdatedSignal } from '@qts/workflows';
import { APP_CONFIG } from '@qts/nest-support';
import { TemporalConnection } from '../temporal/temporal.providers';
import type { BatchProgress } from './calendar-rollout';

/** temporal.api.enums.v1.BatchOperationState (numbers: the API declares no dependency on @temporalio/proto) */
const BATCH_COMPLETED = 2;
const BATCH_FAILED = 3;

/** gRPC status codes met here. */
const ALREADY_EXISTS = 6;
const NOT_FOUND = 5;
/** "no" for good: INVALID_ARGUMENT, NOT_FOUND (namespace), PERMISSION_DENIED, FAILED_PRECONDITION, UNIMPLEMENTED, UNAUTHENTICATED */
const PERMANENT = new Set([3, 5, 7, 9, 12, 16]);

function grpcCode(err: unknown): number | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

/**
 * True when Temporal answered no for good (an invalid query, an unknown search attribute, no permission): the
 * rollout fails with the reason. Anything else (no connection yet, overload, the namespace's concurrent-batch limit,
 * a timeout, an internal error) is passing: the rollout stays pending and is tried again.
 */
export function isPermanentBatchError(err: unknown): boolean {
  const code = grpcCode(err);
  return code !== undefined && PERMANENT.has(code);
}

function count(value: number | { toString(): string } | null | undefined): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'number' ? value : Number(value.toString());
}

function isoOf(ts: { seconds?: number | { toString(): string } | null; nanos?: number | null } | null | undefined): string | null {
  if (!ts) return null;
  return new Date(count(ts.seconds) * 1000 + Math.floor((ts.nanos ?? 0) / 1e6)).toISOString();
}

/**
 * Temporal's server-side batch operation: signal `calendarUpdated` to every running workflow of this bureau, found
 * by search attribute (every process, whatever its workflow type). The batch runs inside Temporal, so it outlives
 * the API process that started it; its job id is the rollout id, so a second start of the same rollout is a no-op.
 */
@Injectable()
export class CalendarBatch {
  readonly visibilityQuery: string;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly temporal: TemporalConnection,
  ) {
    if (/['"\\]/.test(config.bureauId))
      throw new Error(`BUREAU_ID ${JSON.stringify(config.bureauId)} cannot be used in a Temporal visibility query (quote or backslash)`);
    this.visibilityQuery = `${BUREAU_SEARCH_ATTRIBUTE.name} = '${config.bureauId}' AND ExecutionStatus = 'Running'`;
  }

  /** Starts the batch; `false` when a batch with this job id already exists (started before, by this or another API). */
  async start(jobId: string, snapshot: CalendarSnapshot, reason: string, identity: string): Promise<boolean> {
    const client = await this.temporal.get();
    const payload = client.options.loadedDataConverter.payloadConverter.toPayload(snapshot);
    try {
      await client.workflowService.startBatchOperation({
        namespace: this.config.temporal.namespace,
        jobId,
        reason,
        visibilityQuery: this.visibilityQuery,
        signalOperation: { signal: calendarUpdatedSignal.name, input: { payloads: [payload] }, identity },
      });
      return true;
    } catch (err) {
      if (grpcCode(err) === ALREADY_EXISTS) return false;
      throw err;
    }
  }

  /** The batch's progress; undefined when Temporal holds no such job (never started, or past retention). */
  async describe(jobId: string): Promise<BatchProgress | undefined> {
    const client = await this.temporal.get();
    try {
      const d = await client.workflowService.describeBatchOperation({ namespace: this.config.temporal.namespace, jobId });
      const code: number = d.state ?? 0;
      const state = code === BATCH_COMPLETED ? 'completed' : code === BATCH_FAILED ? 'failed' : 'running';
      return {
        state,
        total: count(d.totalOperationCount),
        done: count(d.completeOperationCount),
        failed: count(d.failureOperationCount),
        finishedAt: state === 'running' ? null : isoOf(d.closeTime),
        error: state === 'failed' ? 'Temporal 报告批处理作业失败 / Temporal reports the batch job failed' : null,
      };
    } catch (err) {
      if (grpcCode(err) === NOT_FOUND) return undefined;
      throw err;
    }
  }
}
