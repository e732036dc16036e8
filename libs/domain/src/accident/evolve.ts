import { maxDate, shanghaiDate, type IsoDate } from '../shared/iso-date';
import type { AccidentRuleSet } from '../policy/accident-rules';
import type { AccidentEvent, AccidentDeadline, HourLimit } from './events';
import type { AccidentState } from './state';

type Changes<T> = { set?: T[] | undefined; clear?: string[] | undefined } | undefined;

function withDeadlines(state: AccidentState, changes: Changes<AccidentDeadline>): AccidentState {
  if (!changes) return state;
  const deadlines = { ...state.deadlines };
  for (const kind of changes.clear ?? []) delete deadlines[kind];
  for (const d of changes.set ?? []) deadlines[d.kind] = d;
  return { ...state, deadlines };
}

function withHourLimits(state: AccidentState, changes: Changes<HourLimit>): AccidentState {
  if (!changes) return state;
  const hourLimits = { ...state.hourLimits };
  for (const kind of changes.clear ?? []) delete hourLimits[kind];
  for (const h of changes.set ?? []) hourLimits[h.kind] = h;
  return { ...state, hourLimits };
}

function acted(state: AccidentState, on: IsoDate): AccidentState {
  return { ...state, lastActDate: state.lastActDate ? maxDate(state.lastActDate, on) : on };
}

function updateOutcome(state: AccidentState, id: string, status: 'closed' | 'handed_on'): AccidentState {
  return { ...state, outcomes: state.outcomes.map((o) => (o.outcomeId === id ? { ...o, status } : o)) };
}

/** Pure state transition; the same function drives the workflow and the read model. */
export function evolveAccident(state: AccidentState, event: AccidentEvent): AccidentState {
  switch (event.type) {
    case 'DeadlinesRecomputed':
      return withDeadlines(state, event.payload.deadlines);
    case 'AccidentReportReceived': {
      const p = event.payload;
      const subject = p.equipment
        ? `${p.place} ${p.equipment.equipmentType}（${p.equipment.registrationCode}）事故`
        : p.product
          ? `${p.product.name}（${p.product.producer}）事故`
          : `${p.place} 事故`;
      const s: AccidentState = {
        ...state,
        phase: 'reported',
        reportId: p.reportId,
        kind: p.kind,
        section: p.section,
        place: p.place,
        summary: p.summary,
        subject,
        occurredAt: p.occurredAt,
        occurredOn: p.occurredOn,
        receivedAt: p.receivedAt,
        unitReportLate: p.unitReportLate,
        casualties: { ...p.casualties, minorInjuries: p.casualties.minorInjuries ?? 0 },
        directLossYuan: p.directLossYuan ?? 0,
        evacuated: p.evacuated ?? 0,
        equipmentEvents: p.equipmentEvents ?? [],
        rules: p.rules as unknown as AccidentRuleSet,
      };
      return withHourLimits(acted(s, p.receivedOn), p.hourLimits);
    }
    case 'AccidentTriaged': {
      const p = event.payload;
      const s: AccidentState = {
        ...state,
        phase: p.decision === 'accident' ? 'open' : state.phase,
        grade: p.grade ?? null,
        gradeSource: p.gradeSource ?? null,
        lead: p.lead ?? null,
      };
      return withDeadlines(withHourLimits(acted(s, p.triagedOn), p.hourLimits), p.deadlines);
    }
    case 'AccidentReportedUpward': {
      const p = event.payload;
      const report = { to: p.to, reportedAt: p.reportedAt, late: p.late, escalationId: p.escalationId ?? null };
      return withHourLimits(acted({ ...state, reports: [...state.reports, report] }, shanghaiDate(Date.parse(p.reportedAt))), p.hourLimits);
    }
    case 'FollowUpReportRecorded': {
      const p = event.payload;
      return acted(
        {
          ...state,
          casualties: { ...p.casualties, minorInjuries: p.casualties.minorInjuries ?? 0 },
          directLossYuan: p.directLossYuan ?? state.directLossYuan,
          grade: p.grade,
          gradeSource: p.gradeSource,
          followUps: state.followUps + 1,
        },
        shanghaiDate(Date.parse(p.reportedAt)),
      );
    }
    case 'LeadBodyActRecorded': {
      const p = event.payload;
      return acted({ ...state, leadBodyActs: [...state.leadBodyActs, { act: p.act, on: p.on, text: p.text }] }, p.on);
    }
    case 'SiteSecured':
      return acted({ ...state, siteSecured: true }, shanghaiDate(Date.parse(event.payload.securedAt)));
    case 'InvestigationTeamFormed':
      return acted({ ...state, team: event.payload.officerIds }, event.payload.formedOn);
    case 'AccidentEvidenceRecorded':
      return acted({ ...state, evidence: state.evidence + 1 }, event.payload.collectedOn);
    case 'AppraisalStarted': {
      const p = event.payload;
      return withDeadlines(acted({ ...state, appraisal: { startedOn: p.startedOn, appraisal: p.appraisal } }, p.startedOn), p.deadlines);
    }
    case 'AppraisalFinished': {
      const p = event.payload;
      const s = { ...state, appraisal: null, pausedDays: state.pausedDays + p.pausedDays };
      return withDeadlines(acted(s, p.finishedOn), p.deadlines);
    }
    case 'InvestigationExtended': {
      const p = event.payload;
      return withDeadlines(acted({ ...state, extensionDays: state.extensionDays + p.days }, p.approvedOn), p.deadlines);
    }
    case 'InvestigationReportSubmitted': {
      const p = event.payload;
      const report = { submittedOn: p.submittedOn, reviewed: 'pending' as const, approvedOn: null };
      return withDeadlines(acted({ ...state, report }, p.submittedOn), p.deadlines);
    }
    case 'CollectiveReviewRecorded': {
      const p = event.payload;
      const report = state.report ? { ...state.report, reviewed: p.conclusion } : null;
      return withDeadlines(acted({ ...state, report }, p.reviewedOn), p.deadlines);
    }
    case 'InvestigationReportApproved': {
      const p = event.payload;
      const report = state.report ? { ...state.report, approvedOn: p.approvedOn } : null;
      return withDeadlines(acted({ ...state, report }, p.approvedOn), p.deadlines);
    }
    case 'OutcomeRecorded': {
      const p = event.payload;
      const outcome = {
        outcomeId: p.outcomeId,
        outcome: p.outcome,
        recordedOn: p.recordedOn,
        description: p.description,
        linkedId: p.linkedId ?? p.escalationId ?? p.penaltyCaseId ?? null,
        verifyBy: p.verifyBy ?? null,
        department: p.department ?? null,
        status: 'open' as const,
      };
      return withDeadlines(acted({ ...state, outcomes: [...state.outcomes, outcome] }, p.recordedOn), p.deadlines);
    }
    case 'OutcomeClosed': {
      const p = event.payload;
      return withDeadlines(acted(updateOutcome(state, p.outcomeId, p.result), p.closedOn), p.deadlines);
    }
    case 'ReportEscalationAnswered':
      return acted(state, event.payload.decidedOn);
    case 'AccidentClosed': {
      const p = event.payload;
      const s: AccidentState = { ...state, phase: 'closed', closure: { closedOn: p.closedOn, outcome: p.outcome } };
      return withDeadlines(withHourLimits(acted(s, p.closedOn), p.hourLimits), p.deadlines);
    }
    case 'EscalationNoticeRaised':
      return { ...state, raisedNotices: [...state.raisedNotices, event.payload.noticeKey, ...(event.payload.supersedes ?? [])] };
    default: {
      const never: never = event;
      return never;
    }
  }
}
