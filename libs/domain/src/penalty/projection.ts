import type { CaseProjection, CaseView } from '../events/case-projection';
import type { EventEnvelope } from '../events/envelope';
import { evolvePenalty } from './evolve';
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
    deadlines: Object.values(state.deadlines)
      .map((d) => ({
        kind: d.kind,
        labelZh: d.labelZh,
        labelEn: d.labelEn,
        due: d.due,
        legalSource: d.legalSource,
        provisional: d.provisional,
      }))
      .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.kind.localeCompare(b.kind))),
  };
}

export const penaltyProjection: CaseProjection<PenaltyState> = {
  caseType: PENALTY_CASE_TYPE,
  initialState: initialPenaltyState,
  evolve: (state: PenaltyState, envelope: EventEnvelope) => evolvePenalty(state, parsePenaltyEvent(envelope.type, envelope.payload)),
  view: penaltyView,
};
