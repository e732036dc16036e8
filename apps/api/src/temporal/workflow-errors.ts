import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
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
