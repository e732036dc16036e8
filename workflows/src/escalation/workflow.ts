import { escalationProcess, type EscalationState } from '@qts/domain';
import { runCaseProcess } from '../kernel/run-case-process';
import type { CaseProcessInput } from '../kernel/definitions';
import type { EscalationInput, EscalationOutcome } from './definitions';

/**
 * 上报/移送: the generic runner with the escalation process. Each submission sends its outbound document; the final
 * outcome is signalled to the parent case (when there is one) before the workflow completes.
 */
export async function escalationWorkflow(input: EscalationInput | CaseProcessInput<EscalationState>): Promise<EscalationOutcome | null> {
  // started by the API like every process (caseId), or as a child / by older code and its own next runs (escalationId)
  const { escalationId, ...rest } = 'escalationId' in input ? input : { ...input, escalationId: input.caseId };
  const { state } = await runCaseProcess<EscalationState>(
    escalationProcess,
    { ...rest, caseId: escalationId },
    { nextRunInput: (next) => ({ ...rest, escalationId, opening: undefined, ...next }) },
  );
  const closed = state.outcome;
  if (!closed) return null;
  return { escalationId, outcome: closed.outcome, decidedOn: closed.closedOn, decidedByLevel: closed.decidedByLevel };
}
