import { accidentProcess, type AccidentState } from '@qts/domain';
import { runCaseProcess } from '../kernel/run-case-process';
import type { CaseProcessInput } from '../kernel/definitions';

/** 事故调查: the generic runner with the accident process; the report upward runs as a child escalation. */
export async function accidentWorkflow(input: CaseProcessInput<AccidentState>): Promise<void> {
  await runCaseProcess<AccidentState>(accidentProcess, input);
}
