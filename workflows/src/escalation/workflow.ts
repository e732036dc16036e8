import { escalationProcess, type EscalationState } from '@qts/domain';
import { runCaseProcess } from '../kernel/run-case-process';
import type { EscalationInput, EscalationOutcome } from './definitions';

/**
 * 上报/移送: the generic runner with the escalation process. Each submission sends its outbound document; the final
 * outcome is signalled to the parent case (when there is one) before the workflow completes.
 */
export async function escalationWorkflow(input: EscalationInput): Promise<EscalationOutcome | null> {
  const { escalationId, ...rest } = input;
  const { state } = await runCaseProcess<EscalationState>(
    escalationProcess,
    { ...rest, caseId: escalationId },
    { nextRunInput: (next) => ({ ...input, opening: undefined, ...next }) },
  );
  const closed = state.outcome;
  if (!closed) return null;
  return { escalationId, outcome: closed.outcome, decidedOn: closed.closedOn, decidedByLevel: closed.decidedByLevel };
}
