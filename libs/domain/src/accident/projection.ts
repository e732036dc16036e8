import type { CaseProjection, CaseView } from '../events/case-projection';
import type { EventEnvelope } from '../events/envelope';
import { deadlineViews } from '../deadlines/deadline-record';
import { ACCIDENT_GRADE_NAMES } from '../policy/accident-rules';
import { evolveAccident } from './evolve';
import { parseAccidentEvent } from './events';
import { hourLimitViews } from './hour-limits';
import { accidentStage, initialAccidentState, type AccidentState } from './state';

export const ACCIDENT_CASE_TYPE = 'accident';

/**
 * `kind:grade:lead` (e.g. `special_equipment:general:city_department`) in the view's procedure column, so lists filter
 * and group open accidents by kind, grade and whose move it is; the state (jsonb) keeps the receipt instant the UI
 * counts hours from. Hour limits are listed with the deadlines on their day, so a report upward due today sorts first.
 */
export function accidentProcedure(state: AccidentState): string | null {
  if (state.phase === 'none') return null;
  return `${state.kind}:${state.grade ?? 'ungraded'}:${state.lead ?? 'undecided'}`;
}

export function accidentTitle(state: AccidentState): string {
  const grade = state.grade ? `【${ACCIDENT_GRADE_NAMES[state.grade]}】` : '';
  return `${grade}${state.subject}`.slice(0, 200);
}

export function accidentView(state: AccidentState): CaseView {
  const deadlines = [...hourLimitViews(state.hourLimits), ...deadlineViews(state.deadlines)].sort((a, b) =>
    a.due < b.due ? -1 : a.due > b.due ? 1 : (a.kind.startsWith('report:') ? 0 : 1) - (b.kind.startsWith('report:') ? 0 : 1),
  );
  return {
    caseType: ACCIDENT_CASE_TYPE,
    bureauId: '',
    section: state.section,
    stage: accidentStage(state),
    procedure: accidentProcedure(state),
    title: accidentTitle(state),
    partyName: state.place,
    closed: state.phase === 'closed',
    deadlines,
  };
}

export const accidentProjection: CaseProjection<AccidentState> = {
  caseType: ACCIDENT_CASE_TYPE,
  readonlyState: true,
  initialState: initialAccidentState,
  evolve: (state: AccidentState, envelope: EventEnvelope) => evolveAccident(state, parseAccidentEvent(envelope.type, envelope.payload)),
  view: accidentView,
};
