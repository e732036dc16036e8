import { byStage, type CaseMoves } from '../kernel/moves';
import type { RecallCaseCommand } from './commands';
import type { RecallStage, RecallState } from './state';

type Command = RecallCaseCommand['type'];

/**
 * The commands each stage accepts, as the deciders' `checkStage` calls (and RecordRefusal's own check) allow them;
 * 风险评估 at any open stage.
 */
export const RECALL_STAGE_COMMANDS: Partial<Record<RecallStage, readonly Command[]>> = {
  signal_received: ['StartDefectInvestigation', 'CloseWithoutDefect', 'AssessRecallRisk'],
  investigating: ['NotifyProducer', 'CloseWithoutDefect', 'AssessRecallRisk'],
  reported_upward: ['NotifyProducer', 'CloseWithoutDefect', 'AssessRecallRisk'],
  producer_notified: ['RaiseObjection', 'OrderRecall', 'FileRecallPlan', 'AssessRecallRisk'],
  objection: ['DecideObjection', 'AssessRecallRisk'],
  defect_confirmed: ['OrderRecall', 'FileRecallPlan', 'AssessRecallRisk'],
  recall_ordered: ['FileRecallPlan', 'RecordRefusal', 'AssessRecallRisk'],
  refused: ['FileRecallPlan', 'AssessRecallRisk'],
  plan_filed: ['PublishRecall', 'RecordSpotCheck', 'AssessRecallRisk'],
  in_progress: ['SubmitProgressReport', 'SubmitSummaryReport', 'RecordSpotCheck', 'AssessRecallRisk'],
  summary_submitted: ['AssessEffectiveness', 'RecordSpotCheck', 'AssessRecallRisk'],
};

/** 缺陷产品召回: whose move. */
export const recallMoves: CaseMoves<RecallState, Command> = {
  accepts: byStage(
    (s: RecallState) => s.stage,
    RECALL_STAGE_COMMANDS,
    (s, c, today) => {
      // the producer's objection window (decide-signal.ts): an objection within it, an order after it
      const window = s.deadlines['objection'];
      if (c === 'RaiseObjection') return !(window && today > window.due);
      if (c === 'OrderRecall') return !(s.stage === 'producer_notified' && window && today <= window.due);
      return true;
    },
  ),
  stageCommands: (stage) => RECALL_STAGE_COMMANDS[stage as keyof typeof RECALL_STAGE_COMMANDS] ?? [],
  notNowCodes: ['WRONG_STAGE', 'CASE_CLOSED', 'REFUSAL_ONLY_AFTER_ORDER', 'OBJECTION_PERIOD_EXPIRED', 'OBJECTION_PERIOD_RUNNING'],
  repeatCodes: ['DUPLICATE_REPORT', 'RISK_UNCHANGED'],
};
