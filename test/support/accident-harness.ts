import { startKernelCase } from './kernel-harness';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { accidentProcess, type AccidentCaseCommand, type AccidentOpeningCommand, type AccidentState, type Actor } from '@qts/domain';

/** Starts a accident case on the time-skipping server as the API would (kernel-harness.ts). */
export function startAccident(env: TestWorkflowEnvironment, taskQueue: string, command: AccidentOpeningCommand, actor: Actor) {
  return startKernelCase<AccidentCaseCommand, AccidentState>(env, accidentProcess, taskQueue, { command, actor });
}
