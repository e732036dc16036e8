import type { CaseProjection, CaseView } from '../events/case-projection';
import { deadlineViews } from '../deadlines/deadline-record';
import type { EventEnvelope } from '../events/envelope';
import { evolveRecall } from './evolve';
import { parseRecallEvent } from './events';
import { initialRecallState, type RecallState } from './state';

export const RECALL_CASE_TYPE = 'recall';

/** The read model keeps the whole state (completion curve, spot checks) as the case's state; the view lists it. */
export function recallView(state: RecallState): CaseView {
  return {
    caseType: RECALL_CASE_TYPE,
    bureauId: '',
    section: state.section,
    stage: state.stage,
    procedure: state.plan?.mode ?? state.product.category,
    title: state.product.name ? `${state.product.name}缺陷召回` : '',
    partyName: state.producer.name,
    closed: state.stage === 'closed',
    deadlines: deadlineViews(state.deadlines),
  };
}

export const recallProjection: CaseProjection<RecallState> = {
  caseType: RECALL_CASE_TYPE,
  readonlyState: true,
  initialState: initialRecallState,
  evolve: (state: RecallState, envelope: EventEnvelope) => evolveRecall(state, parseRecallEvent(envelope.type, envelope.payload)),
  view: recallView,
};
