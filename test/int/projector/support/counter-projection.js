// A small case process for the projector's tests, in plain CommonJS so that the projector child process can load
// it through PROJECTOR_EXTRA_PROJECTIONS (and the tests in-process through counter-projection.d.ts).
'use strict';

const COUNTER_CASE_TYPE = 'test-counter';

function initialState() {
  return { stage: 'none', section: 'quality', title: '', partyName: '', ticks: 0, notices: 0, deadlines: {} };
}

function evolve(state, envelope) {
  const p = envelope.payload;
  switch (envelope.type) {
    case 'CounterOpened':
      return { ...state, stage: 'open', section: p.section, title: p.title, partyName: p.partyName };
    case 'CounterTicked':
      return { ...state, ticks: state.ticks + 1, stage: `ticked` };
    case 'DeadlineSet':
      return {
        ...state,
        deadlines: {
          ...state.deadlines,
          [p.kind]: {
            kind: p.kind,
            due: p.due,
            labelZh: p.labelZh,
            labelEn: p.labelEn,
            legalSource: p.legalSource,
            provisional: p.provisional,
          },
        },
      };
    case 'DeadlineMet': {
      const deadlines = { ...state.deadlines };
      delete deadlines[p.kind];
      return { ...state, deadlines };
    }
    case 'EscalationNoticeRaised':
      return { ...state, notices: state.notices + 1 };
    case 'CounterClosed':
      return { ...state, stage: 'closed', deadlines: {} };
    default:
      throw new Error(`unknown event type ${envelope.type}`);
  }
}

function view(state) {
  return {
    caseType: COUNTER_CASE_TYPE,
    bureauId: '',
    section: state.section,
    stage: state.stage,
    procedure: null,
    title: state.title,
    partyName: state.partyName,
    closed: state.stage === 'closed',
    deadlines: Object.values(state.deadlines).sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.kind.localeCompare(b.kind))),
  };
}

const counterProjection = { caseType: COUNTER_CASE_TYPE, initialState, evolve, view };

module.exports = { COUNTER_CASE_TYPE, counterProjection, projections: [counterProjection] };
