import type { IsoDate } from '../shared/iso-date';
import type { Section } from '../shared/actor';
import type { AccidentGrade, AccidentKind, AccidentRuleSet, GradeFacts, LeadBody } from '../policy/accident-rules';
import type { Casualties, OutcomeType } from './commands';
import type { AccidentDeadline, HourLimit } from './events';

export interface AccidentOutcome {
  outcomeId: string;
  outcome: OutcomeType;
  recordedOn: IsoDate;
  description: string;
  linkedId: string | null;
  verifyBy: IsoDate | null;
  department: string | null;
  status: 'open' | 'closed' | 'handed_on';
}

export interface UpwardReport {
  to: 'district_government' | 'superior_department';
  reportedAt: string;
  late: boolean;
  escalationId: string | null;
}

export interface AccidentState {
  phase: 'none' | 'reported' | 'open' | 'closed';
  reportId: string;
  kind: AccidentKind;
  section: Section;
  place: string;
  summary: string;
  subject: string;
  occurredAt: string;
  occurredOn: IsoDate | null;
  receivedAt: string;
  unitReportLate: boolean;
  casualties: Casualties;
  directLossYuan: number;
  evacuated: number;
  equipmentEvents: GradeFacts['equipmentEvents'];
  rules: AccidentRuleSet | null;
  grade: AccidentGrade | null;
  gradeSource: string | null;
  lead: LeadBody | null;
  /** reports upward made, in order */
  reports: UpwardReport[];
  followUps: number;
  leadBodyActs: { act: string; on: IsoDate; text: string }[];
  /** the district's own investigation */
  siteSecured: boolean;
  team: string[];
  evidence: number;
  appraisal: { startedOn: IsoDate; appraisal: string } | null;
  pausedDays: number;
  extensionDays: number;
  report: { submittedOn: IsoDate; reviewed: 'pending' | 'passed' | 'returned'; approvedOn: IsoDate | null } | null;
  outcomes: AccidentOutcome[];
  lastActDate: IsoDate | null;
  deadlines: Record<string, AccidentDeadline>;
  hourLimits: Record<string, HourLimit>;
  raisedNotices: string[];
  closure: { closedOn: IsoDate; outcome: string } | null;
}

export function initialAccidentState(): AccidentState {
  return {
    phase: 'none',
    reportId: '',
    kind: 'special_equipment',
    section: 'special_equipment',
    place: '',
    summary: '',
    subject: '',
    occurredAt: '',
    occurredOn: null,
    receivedAt: '',
    unitReportLate: false,
    casualties: { deaths: 0, seriousInjuries: 0, minorInjuries: 0 },
    directLossYuan: 0,
    evacuated: 0,
    equipmentEvents: [],
    rules: null,
    grade: null,
    gradeSource: null,
    lead: null,
    reports: [],
    followUps: 0,
    leadBodyActs: [],
    siteSecured: false,
    team: [],
    evidence: 0,
    appraisal: null,
    pausedDays: 0,
    extensionDays: 0,
    report: null,
    outcomes: [],
    lastActDate: null,
    deadlines: {},
    hourLimits: {},
    raisedNotices: [],
    closure: null,
  };
}

/** The district leads (product and food accidents within its authority); otherwise it reports and takes part. */
export function districtLeads(state: AccidentState): boolean {
  return state.lead === 'district_bureau';
}

export type AccidentStage =
  | 'none'
  | 'awaiting_triage'
  | 'reporting_upward'
  | 'team_member'
  | 'investigating'
  | 'appraisal'
  | 'collective_review'
  | 'awaiting_approval'
  | 'outcomes'
  | 'closed';

/** Reports the case still owes upward (the district government, the superior department). */
export function reportsOwed(state: AccidentState): string[] {
  return Object.keys(state.hourLimits);
}

export function accidentStage(state: AccidentState): AccidentStage {
  if (state.phase === 'none') return 'none';
  if (state.phase === 'closed') return 'closed';
  if (state.phase === 'reported') return 'awaiting_triage';
  if (reportsOwed(state).length > 0) return 'reporting_upward';
  if (!districtLeads(state)) return state.leadBodyActs.some((a) => a.act === 'report') ? 'outcomes' : 'team_member';
  if (state.appraisal) return 'appraisal';
  const report = state.report;
  if (!report || report.reviewed === 'returned') return 'investigating';
  if (report.reviewed === 'pending') return 'collective_review';
  return report.approvedOn ? 'outcomes' : 'awaiting_approval';
}
