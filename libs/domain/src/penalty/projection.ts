import type { CaseProjection, CaseView } from '../events/case-projection';
import type { EventEnvelope } from '../events/envelope';
import { evolvePenalty } from './evolve';
import { deadlineViews } from './deadline-record';
import { parsePenaltyEvent } from './events';
import { initialPenaltyState, type PenaltyState } from './state';

export const PENALTY_CASE_TYPE = 'penalty';

export function penaltyView(state: PenaltyState): CaseView {
  return {
    caseType: PENALTY_CASE_TYPE,
    bureauId: '',
    section: state.section,
    stage: state.stage,
    procedure: state.procedure,
    title: state.title,
    partyName: state.party.name,
    closed: state.stage === 'closed',
    deadlines: deadlineViews(state.deadlines),
  };
}

export const penaltyProjection: CaseProjection<PenaltyState> = {
  caseType: PENALTY_CASE_TYPE,
  readonlyState: true,
  initialState: initialPenaltyState,
  evolve: (state: PenaltyState, envelope: EventEnvelope) => evolvePenalty(state, parsePenaltyEvent(envelope.type, envelope.payload)),
  view: penaltyView,
};
