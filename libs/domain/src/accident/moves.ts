import { byStage, type CaseMoves } from '../kernel/moves';
import type { AccidentCaseCommand } from './commands';
import { accidentStage, districtLeads, type AccidentStage, type AccidentState } from './state';

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

/** 特种设备事故: whose move. The lead body's acts are recorded only where the district does not lead. */
export const accidentMoves: CaseMoves<AccidentState, Command> = {
  accepts: byStage(accidentStage, ACCIDENT_STAGE_COMMANDS, (s, c) =>
    c === 'RecordLeadBodyAct' ? !districtLeads(s) : c === 'SecureSite' ? !s.siteSecured : true,
  ),
  notNowCodes: ['WRONG_STAGE', 'CASE_CLOSED', 'DISTRICT_LEADS', 'NOT_LEAD_BODY', 'SITE_ALREADY_SECURED'],
};
