import { directiveProcess, type DirectiveState } from '@qts/domain';
import { runCaseProcess } from '../kernel/run-case-process';
import type { CaseProcessInput } from '../kernel/definitions';

/** 特种设备安全监察指令: the generic runner with the directive process. */
export async function directiveWorkflow(input: CaseProcessInput<DirectiveState>): Promise<void> {
  await runCaseProcess<DirectiveState>(directiveProcess, input);
}
