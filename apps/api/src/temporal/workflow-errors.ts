import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { ServiceError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApiError } from '../errors/api-error';

const FORBIDDEN = new Set(['ROLE_NOT_ENTITLED']);
const BAD_REQUEST = new Set(['INVALID_COMMAND']);
const CONFLICT = new Set(['CASE_CLOSED', 'CASE_ALREADY_OPEN']);

export function statusForCode(code: string): number {
  if (FORBIDDEN.has(code)) return 403;
  if (BAD_REQUEST.has(code)) return 400;
  if (CONFLICT.has(code)) return 409;
  if (code === 'CASE_NOT_FOUND') return 404;
  return 422;
}

/** A refused update becomes 4xx with the decider's reason; a missing or finished case says so. */
export function toApiError(err: unknown, caseId: string): unknown {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    const code = err.cause.type ?? 'REFUSED';
    return new ApiError(statusForCode(code), code, err.cause.message, err.cause.details?.[0] ?? {});
  }
  if (err instanceof WorkflowNotFoundError) {
    return new ApiError(404, 'CASE_NOT_FOUND', `案件 ${caseId} 不存在或已结案 / no open case ${caseId}`, { caseId });
  }
  if (err instanceof Error && /already completed|workflow execution already/i.test(err.message)) {
    return new ApiError(409, 'CASE_CLOSED', `案件 ${caseId} 已结案 / the case is closed`, { caseId });
  }
  return err;
}

/** gRPC codes that say "not now" rather than "no": UNAVAILABLE, RESOURCE_EXHAUSTED, ABORTED. */
const TRANSIENT_GRPC_CODES = new Set([14, 8, 10]);

/** True when Temporal could not take the update for a passing reason (overload, a failover, a call timeout). */
export function isTransientTemporalError(err: unknown): boolean {
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  if (!(err instanceof ServiceError)) return false;
  const code = (err.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'number' && TRANSIENT_GRPC_CODES.has(code);
}

const RETRY_AFTER_SECONDS = 2;

/** What the client hears when Temporal stayed unavailable through the gateway's own retries. */
export function temporalUnavailable(caseId: string, err: unknown, idempotencyKey: string): ApiError {
  return new ApiError(
    503,
    'WORKFLOW_SERVICE_UNAVAILABLE',
    `流程服务暂时不可用或未在时限内应答，案件 ${caseId} 的命令未确认；请带同一 Idempotency-Key（${idempotencyKey}）重发，不会重复登记 / the workflow service is unavailable or did not answer in time; the command on ${caseId} is not confirmed: resend it with Idempotency-Key ${idempotencyKey} (it is applied once)`,
    {
      caseId,
      idempotencyKey,
      retryAfterSeconds: RETRY_AFTER_SECONDS,
      reason: err instanceof Error ? (err.cause?.toString() ?? err.message) : String(err),
    },
  );
}
