import { byStage, type CaseMoves } from '../kernel/moves';
import type { AccidentCaseCommand } from './commands';
import { addDays, type IsoDate } from '../shared/iso-date';
import { accidentStage, districtLeads, reportsOwed, type AccidentStage, type AccidentState } from './state';

type Command = AccidentCaseCommand['type'];

/** The commands each stage accepts, as the deciders' `checkStage` calls allow them. */
export const ACCIDENT_STAGE_COMMANDS: Partial<Record<AccidentStage, readonly Command[]>> = {
  awaiting_triage: ['TriageAccident', 'ReportUpward'],
  reporting_upward: ['ReportUpward', 'RecordFollowUpReport', 'RecordLeadBodyAct'],
  team_member: ['RecordFollowUpReport', 'RecordLeadBodyAct'],
  investigating: [
    'RecordFollowUpReport',
    'SecureSite',
    'FormInvestigationTeam',
    'RecordAccidentEvidence',
    'StartAppraisal',
    'ExtendInvestigation',
    'SubmitInvestigationReport',
  ],
  appraisal: ['RecordFollowUpReport', 'RecordAccidentEvidence', 'FinishAppraisal', 'ExtendInvestigation'],
  collective_review: ['RecordFollowUpReport', 'RecordCollectiveReview'],
  awaiting_approval: ['RecordFollowUpReport', 'RecordApproval'],
  outcomes: ['RecordFollowUpReport', 'RecordLeadBodyAct', 'RecordOutcome', 'CloseOutcome', 'CloseAccident'],
};

/** 补报: within the follow-up window from the day of the accident (decide-report.ts decideFollowUp) */
function followUpOpen(s: AccidentState, today: IsoDate): boolean {
  if (!s.occurredOn || !s.rules) return true;
  return today <= addDays(s.occurredOn, s.rules.followUpWindow.value.count);
}

const teamFormed = (s: AccidentState) => s.team.length >= 2;

/** What the deciders check of the state (and today) beyond the stage, per command: their codes are in `notNowCodes`. */
const PRECONDITIONS: Partial<Record<Command, (s: AccidentState, today: IsoDate) => boolean>> = {
  RecordLeadBodyAct: (s) => !districtLeads(s),
  SecureSite: (s) => !s.siteSecured,
  ReportUpward: (s) => reportsOwed(s).length > 0,
  RecordFollowUpReport: followUpOpen,
  RecordAccidentEvidence: teamFormed,
  StartAppraisal: teamFormed,
  SubmitInvestigationReport: (s) => s.siteSecured && teamFormed(s) && s.evidence > 0,
  CloseAccident: (s) => !s.outcomes.some((o) => o.status === 'open'),
};

/** 特种设备事故: whose move. The lead body's acts are recorded only where the district does not lead. */
export const accidentMoves: CaseMoves<AccidentState, Command> = {
  accepts: byStage(accidentStage, ACCIDENT_STAGE_COMMANDS, (s, c, today) => PRECONDITIONS[c]?.(s, today) ?? true),
  notNowCodes: [
    'WRONG_STAGE',
    'CASE_CLOSED',
    'DISTRICT_LEADS',
    'NOT_LEAD_BODY',
    'SITE_ALREADY_SECURED',
    'FOLLOW_UP_WINDOW_PASSED',
    'TEAM_REQUIRED',
    'SITE_NOT_SECURED',
    'NO_EVIDENCE',
    'OUTCOMES_OPEN',
  ],
  // which report is owed depends on the command's addressee as much as on the state
  repeatCodes: ['REPORT_NOT_OWED'],
};
