import type { CaseProjection, CaseView } from '../events/case-projection';
import { deadlineViews } from '../penalty/deadline-record';
import type { EventEnvelope } from '../events/envelope';
import { evolveEscalation } from './evolve';
import { parseEscalationEvent } from './events';
import { currentLevel, initialEscalationState, type EscalationState } from './state';

export const ESCALATION_CASE_TYPE = 'escalation';

/** `status:level` while open (e.g. `acknowledged:province`), so open escalations group by level; `closed` after. */
export function escalationStage(state: EscalationState): string {
  if (state.stage !== 'open') return state.stage;
  const level = currentLevel(state);
  return level ? `${level.status}:${level.key}` : 'open';
}

export function escalationView(state: EscalationState): CaseView {
  return {
    caseType: ESCALATION_CASE_TYPE,
    bureauId: '',
    section: state.section,
    stage: escalationStage(state),
    procedure: state.target?.kind ?? null,
    title: state.subject,
    partyName: state.caseSummary.partyName,
    closed: state.stage === 'closed',
    deadlines: deadlineViews(state.deadlines),
  };
}

export const escalationProjection: CaseProjection<EscalationState> = {
  caseType: ESCALATION_CASE_TYPE,
  readonlyState: true,
  initialState: initialEscalationState,
  evolve: (state: EscalationState, envelope: EventEnvelope) =>
    evolveEscalation(state, parseEscalationEvent(envelope.type, envelope.payload)),
  view: escalationView,
};
