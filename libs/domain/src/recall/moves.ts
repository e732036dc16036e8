import { byStage, type CaseMoves } from '../kernel/moves';
import type { RecallCaseCommand } from './commands';
import type { RecallStage, RecallState } from './state';

type Command = RecallCaseCommand['type'];

/** The commands each stage accepts, as the deciders' `checkStage` calls (and RecordRefusal's own check) allow them. */
export const RECALL_STAGE_COMMANDS: Partial<Record<RecallStage, readonly Command[]>> = {
  signal_received: ['StartDefectInvestigation', 'CloseWithoutDefect'],
  investigating: ['NotifyProducer', 'CloseWithoutDefect'],
  reported_upward: ['NotifyProducer', 'CloseWithoutDefect'],
  producer_notified: ['RaiseObjection', 'OrderRecall', 'FileRecallPlan'],
  objection: ['DecideObjection'],
  defect_confirmed: ['OrderRecall', 'FileRecallPlan'],
  recall_ordered: ['FileRecallPlan', 'RecordRefusal'],
  refused: ['FileRecallPlan'],
  plan_filed: ['PublishRecall', 'RecordSpotCheck'],
  in_progress: ['SubmitProgressReport', 'SubmitSummaryReport', 'RecordSpotCheck'],
  summary_submitted: ['AssessEffectiveness', 'RecordSpotCheck'],
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
