import { patched, setHandler } from '@temporalio/workflow';
import { amountDueOf, penaltyCaseProcess, shanghaiDate, type DecideContext, type PenaltyState } from '@qts/domain';
import { runCaseProcess } from '../kernel/run-case-process';
import { workflowNow } from '../shared/workflow-time';
import { amountDueQuery, type PenaltyCaseInput } from './definitions';

/**
 * Commands whose decision changed with the legal corrections of issue 10 (the payment day counted as a late day, the
 * accrued late fee kept over a reschedule, the limitation period checked): those recorded before replay as decided then.
 */
const LEGAL_CORRECTIONS = new Set([
  'OpenSummaryCase',
  'DecidePenalty',
  'RecordPayment',
  'ApproveDeferral',
  'ApproveInstalments',
  'ServeDemandNotice',
  'ApplyToCourt',
  'Tick',
]);

/**
 * Rules that changed while penalty cases were running: evidence accepted before officers' certificates were checked,
 * cases filed before the 办案人员 were designated, and calendar recomputes before every derived date moved replay
 * as they were decided then.
 */
function compatFor(command: { type: string; decision?: unknown }): DecideContext['compat'] {
  if (LEGAL_CORRECTIONS.has(command.type)) return patched('penalty-legal-corrections') ? undefined : { beforeLegalCorrections: true };
  if (command.type === 'RecordEvidence')
    return patched('evidence-needs-certified-officers') ? undefined : { evidenceWithoutCertificates: true };
  if (command.type === 'DecideFiling' && command.decision === 'file')
    return patched('filing-designates-two-handlers') ? undefined : { filingWithoutHandlers: true };
  return undefined;
}

/** 行政处罚案件: the generic runner with the penalty process, plus the amount-due query. */
export async function penaltyCaseWorkflow(input: PenaltyCaseInput): Promise<{ outcome: string | null; seq: number }> {
  const { state, seq } = await runCaseProcess<PenaltyState>(penaltyCaseProcess, input, {
    compatFor,
    // executions started before the local-activity change keep publishing as they did (their histories say so)
    publishLocally: () => patched('publish-case-events-as-local-activity'),
    handlers: (live) =>
      setHandler(amountDueQuery, (asOf) => {
        const s = live.state() as PenaltyState;
        if (!s.rules || s.schedule.length === 0) return null;
        return amountDueOf(s, asOf ?? shanghaiDate(workflowNow()));
      }),
  });
  return { outcome: state.closure?.outcome ?? null, seq };
}
