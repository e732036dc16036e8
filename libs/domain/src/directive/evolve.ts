import { maxDate, type IsoDate } from '../shared/iso-date';
import type { DirectiveRuleSet } from '../policy/directive-rules';
import type { DirectiveDeadline, DirectiveEvent } from './events';
import type { DirectiveState } from './state';

type Changes = { set?: DirectiveDeadline[]; clear?: string[] } | undefined;

function withDeadlines(state: DirectiveState, changes: Changes): DirectiveState {
  if (!changes) return state;
  const deadlines = { ...state.deadlines };
  for (const kind of changes.clear ?? []) delete deadlines[kind];
  for (const d of changes.set ?? []) deadlines[d.kind] = d;
  return { ...state, deadlines };
}

function acted(state: DirectiveState, on: IsoDate, changes?: Changes): DirectiveState {
  return withDeadlines({ ...state, lastActDate: state.lastActDate ? maxDate(state.lastActDate, on) : on }, changes);
}

/** Pure state transition; the same function drives the workflow and the read model. */
export function evolveDirective(state: DirectiveState, event: DirectiveEvent): DirectiveState {
  switch (event.type) {
    case 'InspectionRecorded':
    case 'EmergencyOrderRecorded': {
      const p = event.payload;
      const on = event.type === 'InspectionRecorded' ? event.payload.inspectedOn : event.payload.orderedOn;
      const opened: DirectiveState = {
        ...state,
        status: 'open',
        origin: event.type === 'InspectionRecorded' ? 'inspection' : 'emergency',
        equipment: p.equipment,
        severity: p.severity,
        findings: p.findings,
        inspectors: p.inspectors,
        openedOn: on,
        unitSignature: p.unitSignature,
        immediateStop: p.immediateStop,
        rules: p.rules as unknown as DirectiveRuleSet,
        emergencyOrder:
          event.type === 'EmergencyOrderRecorded'
            ? {
                orderedOn: event.payload.orderedOn,
                orderedAt: event.payload.orderedAt,
                place: event.payload.place,
                measures: event.payload.measures,
              }
            : null,
      };
      return acted(opened, on, p.deadlines);
    }
    case 'WrittenDirectiveIssued': {
      const p = event.payload;
      const directive = {
        directiveNo: p.directiveNo,
        issuedOn: p.issuedOn,
        items: p.items,
        legalBasis: p.legalBasis,
        rectifyBy: p.rectifyBy,
        service: p.service,
        lateByWorkingDays: p.lateByWorkingDays,
      };
      return acted({ ...state, directive }, p.issuedOn, p.deadlines);
    }
    case 'RectificationReported':
      return acted(
        { ...state, report: { reportedOn: event.payload.reportedOn, summary: event.payload.summary } },
        event.payload.reportedOn,
        event.payload.deadlines,
      );
    case 'Reinspected': {
      const p = event.payload;
      const reinspection = { reinspectedOn: p.reinspectedOn, mode: p.mode, result: p.result, findings: p.findings };
      return acted({ ...state, reinspection }, p.reinspectedOn, p.deadlines);
    }
    case 'DirectiveRefused': {
      const p = event.payload;
      return acted({ ...state, refusal: { refusedOn: p.refusedOn, facts: p.facts, fineRange: p.fineRange } }, p.refusedOn, p.deadlines);
    }
    case 'PenaltyCaseLinked':
      return acted({ ...state, penaltyCaseId: event.payload.penaltyCaseId }, event.payload.linkedOn);
    case 'EquipmentSealed': {
      const p = event.payload;
      const seal = {
        sealedOn: p.sealedOn,
        measure: p.measure,
        decisionNo: p.decisionNo,
        expiresOn: p.expiresOn,
        extendedDays: 0,
        releasedOn: null,
        releaseReason: null,
      };
      return acted({ ...state, seal, immediateStop: true }, p.sealedOn, p.deadlines);
    }
    case 'SealExtended': {
      const p = event.payload;
      const seal = state.seal ? { ...state.seal, expiresOn: p.expiresOn, extendedDays: state.seal.extendedDays + p.days } : null;
      return acted({ ...state, seal }, p.approvedOn, p.deadlines);
    }
    case 'SealReleased': {
      const p = event.payload;
      const seal = state.seal ? { ...state.seal, releasedOn: p.releasedOn, releaseReason: p.reason } : null;
      return acted({ ...state, seal }, p.releasedOn, p.deadlines);
    }
    case 'SeriousHazardReported': {
      const p = event.payload;
      const report = {
        escalationId: p.escalationId,
        reportedOn: p.reportedOn,
        districtGovernmentReportNo: p.districtGovernmentReportNo,
        outcome: null,
      };
      return acted({ ...state, hazardReports: [...state.hazardReports, report] }, p.reportedOn);
    }
    case 'EscalationOutcomeRecorded': {
      const p = event.payload;
      return {
        ...state,
        hazardReports: state.hazardReports.map((r) => (r.escalationId === p.escalationId ? { ...r, outcome: p.outcome } : r)),
      };
    }
    case 'InspectorReminded':
      return { ...state, raisedNotices: [...state.raisedNotices, event.payload.reminderKey] };
    case 'DeadlinesRecomputed':
      return withDeadlines(state, event.payload.deadlines);
    case 'DirectiveClosed': {
      const p = event.payload;
      return acted({ ...state, status: 'closed', closure: { closedOn: p.closedOn, outcome: p.outcome } }, p.closedOn, p.deadlines);
    }
    case 'EscalationNoticeRaised':
      return { ...state, raisedNotices: [...state.raisedNotices, event.payload.noticeKey, ...(event.payload.supersedes ?? [])] };
    default: {
      const never: never = event;
      return never;
    }
  }
}
