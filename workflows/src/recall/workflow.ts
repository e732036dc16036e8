import { recallProcess, type RecallState } from '@qts/domain';
import { runCaseProcess } from '../kernel/run-case-process';
import type { CaseProcessInput } from '../kernel/definitions';

/** 缺陷产品召回: the generic runner with the recall process. */
export async function recallWorkflow(input: CaseProcessInput<RecallState>): Promise<{ outcome: string | null; seq: number }> {
  const { state, seq } = await runCaseProcess<RecallState>(recallProcess, input);
  return { outcome: state.closure?.outcome ?? null, seq };
}
