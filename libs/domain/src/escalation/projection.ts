import type { CaseProjection, CaseView } from '../events/case-projection';
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

export const escalationProjection: CaseProjection<EscalationState> = {
  caseType: ESCALATION_CASE_TYPE,
  initialState: initialEscalationState,
  evolve: (state: EscalationState, envelope: EventEnvelope) =>
    evolveEscalation(state, parseEscalationEvent(envelope.type, envelope.payload)),
  view: escalationView,
};
