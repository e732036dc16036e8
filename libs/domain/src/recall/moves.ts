import { byStage, type CaseMoves } from '../kernel/moves';
import type { RecallCaseCommand } from './commands';
import type { RecallStage, RecallState } from './state';

type Command = RecallCaseCommand['type'];

/** 风险评估 (decide-risk.ts): recorded or changed on any open recall, whatever its stage. */
const RISK: Command = 'AssessRecallRisk';

/** The commands each stage accepts, as the deciders' `checkStage` calls (and RecordRefusal's own check) allow them. */
export const RECALL_STAGE_COMMANDS: Partial<Record<RecallStage, readonly Command[]>> = {
  signal_received: ['StartDefectInvestigation', 'CloseWithoutDefect', RISK],
  investigating: ['NotifyProducer', 'CloseWithoutDefect', RISK],
  reported_upward: ['NotifyProducer', 'CloseWithoutDefect', RISK],
  producer_notified: ['RaiseObjection', 'OrderRecall', 'FileRecallPlan', RISK],
  objection: ['DecideObjection', RISK],
  defect_confirmed: ['OrderRecall', 'FileRecallPlan', RISK],
  recall_ordered: ['FileRecallPlan', 'RecordRefusal', RISK],
  refused: ['FileRecallPlan', RISK],
  plan_filed: ['PublishRecall', 'RecordSpotCheck', RISK],
  in_progress: ['SubmitProgressReport', 'SubmitSummaryReport', 'RecordSpotCheck', RISK],
  summary_submitted: ['AssessEffectiveness', 'RecordSpotCheck', RISK],
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
  notNowCodes: ['WRONG_STAGE', 'CASE_CLOSED', 'REFUSAL_ONLY_AFTER_ORDER', 'OBJECTION_PERIOD_EXPIRED', 'OBJECTION_PERIOD_RUNNING'],
  repeatCodes: ['DUPLICATE_REPORT'],
};
