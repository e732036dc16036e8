import { maxDate, type IsoDate } from '../shared/iso-date';
import type { RecallRuleSet } from '../policy/recall-rules';
import type { RecallDeadline, RecallEvent } from './events';
import type { RecallState } from './state';

type Changes = { set?: RecallDeadline[]; clear?: string[] } | undefined;

function withDeadlines(state: RecallState, changes: Changes): RecallState {
  if (!changes) return state;
  const deadlines = { ...state.deadlines };
  for (const kind of changes.clear ?? []) delete deadlines[kind];
  for (const d of changes.set ?? []) deadlines[d.kind] = d;
  return { ...state, deadlines };
}

function acted(state: RecallState, on: IsoDate, changes: Changes): RecallState {
  return withDeadlines({ ...state, lastActDate: state.lastActDate ? maxDate(state.lastActDate, on) : on }, changes);
}

/** Pure state transition; the same function drives the workflow and the read model. */
export function evolveRecall(state: RecallState, event: RecallEvent): RecallState {
  switch (event.type) {
    case 'DeadlinesRecomputed':
      return withDeadlines(state, event.payload.deadlines);
    case 'DefectSignalRegistered': {
      const p = event.payload;
      return acted(
        {
          ...state,
          stage: 'signal_received',
          section: p.section,
          product: p.product,
          producer: p.producer,
          source: p.source,
          sourceCaseId: p.sourceCaseId,
          receivedOn: p.receivedOn,
          description: p.description,
          producerReportLate: p.producerReportLate,
          leadAuthority: p.leadAuthority,
          rules: p.rules as unknown as RecallRuleSet,
        },
        p.receivedOn,
        p.deadlines,
      );
    }
    case 'DefectInvestigationStarted': {
      const p = event.payload;
      const stage = p.mode === 'district' ? 'investigating' : 'reported_upward';
      return acted({ ...state, stage, investigationMode: p.mode }, p.startedOn, p.deadlines);
    }
    case 'ProducerNotified':
      return acted(
        { ...state, stage: 'producer_notified', notifiedOn: event.payload.notifiedOn },
        event.payload.notifiedOn,
        event.payload.deadlines,
      );
    case 'ObjectionRaised': {
      const p = event.payload;
      return acted(
        { ...state, stage: 'objection', objection: { raisedOn: p.raisedOn, grounds: p.grounds, outcome: null } },
        p.raisedOn,
        p.deadlines,
      );
    }
    case 'ObjectionDecided': {
      const p = event.payload;
      const objection = state.objection ? { ...state.objection, outcome: p.outcome } : null;
      const stage = p.outcome === 'overruled' ? 'defect_confirmed' : state.stage;
      return acted({ ...state, stage, objection }, p.decidedOn, p.deadlines);
    }
    case 'RecallOrdered': {
      const p = event.payload;
      return acted(
        { ...state, stage: 'recall_ordered', order: { orderedOn: p.orderedOn, orderedBy: p.orderedBy, reference: p.reference } },
        p.orderedOn,
        p.deadlines,
      );
    }
    case 'RecallPlanFiled': {
      const p = event.payload;
      const plan = {
        filedOn: p.filedOn,
        mode: p.mode,
        unitsAffected: p.unitsAffected,
        plannedCompletionOn: p.plannedCompletionOn,
        remedy: p.remedy,
      };
      return acted({ ...state, stage: 'plan_filed', plan }, p.filedOn, p.deadlines);
    }
    case 'RecallPublished': {
      const p = event.payload;
      return acted(
        { ...state, stage: 'in_progress', publication: { publishedOn: p.publishedOn, checkLevel: p.checkLevel, channel: p.channel } },
        p.publishedOn,
        p.deadlines,
      );
    }
    case 'ProgressReported': {
      const p = event.payload;
      const point = {
        on: p.reportedOn,
        notified: p.unitsNotified,
        remedied: p.unitsRemedied,
        permille: p.completionPermille,
        kind: 'progress' as const,
      };
      return acted({ ...state, progress: [...state.progress, point] }, p.reportedOn, p.deadlines);
    }
    case 'RecallStalled':
      return { ...state, stalledOn: [...state.stalledOn, event.payload.reportedOn] };
    case 'RecallRiskAssessed': {
      const { level, assessedOn, basis } = event.payload;
      return { ...state, risk: { level, assessedOn, basis } };
    }
    case 'SpotCheckRecorded': {
      const p = event.payload;
      // the district's own checks run beside the producer's reports: they do not move the date a report may carry
      return {
        ...state,
        spotChecks: [...state.spotChecks, { on: p.checkedOn, target: p.target, checked: p.checked, stillSelling: p.stillSelling }],
      };
    }
    case 'SummaryReportSubmitted': {
      const p = event.payload;
      const point = {
        on: p.submittedOn,
        notified: p.unitsNotified,
        remedied: p.unitsRemedied,
        permille: p.completionPermille,
        kind: 'summary' as const,
      };
      return acted({ ...state, stage: 'summary_submitted', progress: [...state.progress, point] }, p.submittedOn, p.deadlines);
    }
    case 'EffectivenessAssessed': {
      const p = event.payload;
      return acted(
        { ...state, assessments: [...state.assessments, { assessedOn: p.assessedOn, outcome: p.outcome, permille: p.completionPermille }] },
        p.assessedOn,
        p.deadlines,
      );
    }
    case 'RecallReopened': {
      const { newCompletionOn } = event.payload;
      const plan = state.plan && newCompletionOn ? { ...state.plan, plannedCompletionOn: newCompletionOn } : state.plan;
      return acted({ ...state, stage: 'in_progress', plan }, event.payload.reopenedOn, event.payload.deadlines);
    }
    case 'RecallRefused': {
      const p = event.payload;
      const refusal = { refusedOn: p.refusedOn, penaltyCaseId: p.penaltyCaseId, escalationId: p.escalationId, escalationOutcome: null };
      return acted({ ...state, stage: 'refused', refusal }, p.refusedOn, p.deadlines);
    }
    case 'EscalationOutcomeRecorded':
      return { ...state, refusal: state.refusal ? { ...state.refusal, escalationOutcome: event.payload.outcome } : null };
    case 'RecallClosed': {
      const p = event.payload;
      return acted({ ...state, stage: 'closed', closure: { closedOn: p.closedOn, outcome: p.outcome } }, p.closedOn, {
        set: [],
        clear: Object.keys(state.deadlines),
      });
    }
    case 'EscalationNoticeRaised':
      return { ...state, raisedNotices: [...state.raisedNotices, event.payload.noticeKey, ...(event.payload.supersedes ?? [])] };
    default: {
      const never: never = event;
      return never;
    }
  }
}
