import type { CaseProjection, CaseView } from '../events/case-projection';
import { deadlineViews } from '../deadlines/deadline-record';
import type { EventEnvelope } from '../events/envelope';
import type { ProjectedNotice } from '../events/escalation-notice';
import { evolveDirective } from './evolve';
import { EQUIPMENT_TYPE_NAMES } from './document';
import { parseDirectiveEvent } from './events';
import { initialDirectiveState, sealActive, type DirectiveState } from './state';

export const DIRECTIVE_CASE_TYPE = 'directive';

/** Where the case stands; an emergency order without its written directive says so whatever else happened. */
export function directiveStage(state: DirectiveState): string {
  if (state.status !== 'open') return state.status;
  if (!state.directive) return state.origin === 'emergency' ? 'awaiting_written_directive' : 'awaiting_directive';
  if (state.refusal) return 'refused';
  if (state.reinspection?.result === 'not_rectified') return 'not_rectified';
  if (state.reinspection?.result === 'rectified') return 'rectified';
  if (state.report) return 'awaiting_reinspection';
  return 'rectifying';
}

/**
 * The read model's row: the equipment's registration code and type in the title and its user unit as the party,
 * so a manager lists every open directive, seal and emergency order of a unit or a device; `procedure` says which.
 */
export function directiveView(state: DirectiveState): CaseView {
  const e = state.equipment;
  const kind = sealActive(state) ? 'sealed' : state.origin === 'emergency' ? 'emergency' : (state.origin ?? 'inspection');
  return {
    caseType: DIRECTIVE_CASE_TYPE,
    bureauId: '',
    section: 'special_equipment',
    stage: directiveStage(state),
    procedure: kind,
    title: e ? `${e.registrationCode} · ${EQUIPMENT_TYPE_NAMES[e.type]} · ${e.location}` : '',
    partyName: e?.userUnit.name ?? '',
    closed: state.status === 'closed',
    deadlines: deadlineViews(state.deadlines),
  };
}

/** The inspectors' reminder that the written directive after their emergency order is due, as a notice to them. */
export function directiveNoticeOf(envelope: EventEnvelope, state: DirectiveState): ProjectedNotice | null {
  const event = parseDirectiveEvent(envelope.type, envelope.payload);
  if (event.type !== 'InspectorReminded') return null;
  const p = event.payload;
  return {
    noticeKey: p.reminderKey,
    supersedes: [],
    deadlineKind: p.deadlineKind,
    level: 'approaching',
    recipientRole: 'officer',
    recipientIds: p.inspectorIds,
    due: p.due,
    legalSource: state.deadlines[p.deadlineKind]?.legalSource ?? '',
    message: p.message,
  };
}

export const directiveProjection: CaseProjection<DirectiveState> = {
  caseType: DIRECTIVE_CASE_TYPE,
  readonlyState: true,
  initialState: initialDirectiveState,
  evolve: (state: DirectiveState, envelope: EventEnvelope) => evolveDirective(state, parseDirectiveEvent(envelope.type, envelope.payload)),
  view: directiveView,
  noticeOf: directiveNoticeOf,
  noticeEvents: ['InspectorReminded'],
};
