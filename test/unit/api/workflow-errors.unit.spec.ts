import { ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { isTransientTemporalError, temporalUnavailable } from '../../../apps/api/src/temporal/workflow-errors';

const grpc = (code: number, details: string) => Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} });

describe('which Temporal failures the gateway retries with the same update id', () => {
  it.each([
    [14, 'UNAVAILABLE', true],
    [8, 'RESOURCE_EXHAUSTED', true],
    [10, 'ABORTED', true],
    [3, 'INVALID_ARGUMENT', false],
    [9, 'FAILED_PRECONDITION', false],
    [7, 'PERMISSION_DENIED', false],
  ])('gRPC %i (%s): passing = %s', (code, name, passing) => {
    expect(isTransientTemporalError(new ServiceError('Workflow Update failed', { cause: grpc(code, name) }))).toBe(passing);
  });

  it('an update call that timed out is passing', () => {
    expect(isTransientTemporalError(new WorkflowUpdateRPCTimeoutOrCancelledError('timeout', { cause: grpc(4, 'DEADLINE_EXCEEDED') }))).toBe(
      true,
    );
  });

  it('an error that is not Temporal’s is final', () => {
    expect(isTransientTemporalError(new Error('boom'))).toBe(false);
  });

  it('the 503 names the case, says the command is unconfirmed and when to resend', () => {
    const err = temporalUnavailable('PEN-1', new ServiceError('Workflow Update failed', { cause: grpc(14, 'UNAVAILABLE') }), 'k-1');
    expect(err.status).toBe(503);
    expect(err.code).toBe('WORKFLOW_SERVICE_UNAVAILABLE');
    expect(err.message).toContain('PEN-1');
    expect(err.message).toContain('Idempotency-Key');
    expect(err.details).toMatchObject({ caseId: 'PEN-1', retryAfterSeconds: 2, idempotencyKey: 'k-1' });
    expect(err.message).toContain('k-1');
  });
});
