import { condition, defineQuery, setHandler, startChild, workflowInfo } from '@temporalio/workflow';
import type { EscalationOpeningCommand, Actor } from '@qts/domain';
import { escalationOutcomeSignal, escalationWorkflow, type EscalationInput, type EscalationOutcome } from '@qts/workflows';

export interface ParentProgress {
  waitingOn: string | null;
  outcome: EscalationOutcome | null;
  continued: boolean;
}

export const parentProgressQuery = defineQuery<ParentProgress>('parentProgress');

/**
 * Test-only stand-in for a case process that cannot go on until an escalation is decided (e.g. an accident case
 * waiting for the city bureau): it starts the escalation as its child, blocks on the outcome signal, then continues.
 */
export async function escalationParentWorkflow(input: {
  escalation: Omit<EscalationInput, 'opening'>;
  opening: { command: EscalationOpeningCommand; actor: Actor };
}): Promise<ParentProgress> {
  const progress: ParentProgress = { waitingOn: null, outcome: null, continued: false };
  setHandler(escalationOutcomeSignal, (outcome) => {
    progress.outcome = outcome;
  });
  setHandler(parentProgressQuery, () => progress);
  const command = { ...input.opening.command, parent: { workflowId: workflowInfo().workflowId, caseType: 'test-parent' } };
  const child = await startChild(escalationWorkflow, {
    workflowId: input.escalation.escalationId,
    args: [{ ...input.escalation, opening: { command, actor: input.opening.actor } }],
  });
  progress.waitingOn = child.workflowId;
  await condition(() => progress.outcome !== null);
  progress.waitingOn = null;
  progress.continued = true;
  await child.result();
  return progress;
}
