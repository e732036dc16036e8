import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

export interface CompletedTask {
  identity: string;
  /** when the server recorded the completion (ms since the epoch) */
  at: number;
}

const COMPLETED = temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED;

function millis(ts: { seconds?: { toString(): string } | number | null; nanos?: number | null } | null | undefined): number {
  return Number(ts?.seconds?.toString() ?? 0) * 1000 + Math.floor((ts?.nanos ?? 0) / 1e6);
}

/** The worker (its identity, `pid@host` by default) that completed each workflow task of a workflow, in history order. */
export async function taskCompleters(client: Client, workflowId: string): Promise<CompletedTask[]> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? [])
    .filter((e) => e.eventType === COMPLETED)
    .map((e) => ({ identity: e.workflowTaskCompletedEventAttributes?.identity ?? '', at: millis(e.eventTime) }));
}
