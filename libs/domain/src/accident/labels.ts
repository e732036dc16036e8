import { labels, type Labels } from '../kernel/labels';
import type { AccidentCaseCommand, AccidentOpeningCommand } from './commands';
import type { AccidentEventType } from './events';
import type { AccidentStage } from './state';

export const ACCIDENT_STAGE_LABELS: Record<AccidentStage, Labels> = {
  none: labels('未接报', 'not reported'),
  awaiting_triage: labels('已接报待界定', 'awaiting triage'),
  reporting_upward: labels('待上报', 'reporting upward'),
  team_member: labels('参与上级调查', 'taking part in the lead body’s investigation'),
  investigating: labels('本局调查中', 'investigating'),
  appraisal: labels('技术鉴定中（期限中止）', 'appraisal (period stopped)'),
  collective_review: labels('待集体审议', 'awaiting collective review'),
  awaiting_approval: labels('待人民政府批复', 'awaiting approval'),
  outcomes: labels('落实处理结果', 'carrying out the outcomes'),
  closed: labels('已结案', 'closed'),
};

export const ACCIDENT_COMMAND_LABELS: Record<AccidentOpeningCommand['type'] | AccidentCaseCommand['type'], Labels> = {
  ReceiveAccidentReport: labels('事故接报登记', 'register an accident report'),
  TriageAccident: labels('事故界定', 'triage'),
  ReportUpward: labels('上报', 'report upward'),
  RecordFollowUpReport: labels('补报', 'follow-up report'),
  RecordLeadBodyAct: labels('登记牵头机关要求/认定/报告', 'record the lead body’s act'),
  SecureSite: labels('保护现场', 'secure the site'),
  FormInvestigationTeam: labels('组成事故调查组', 'form the investigation team'),
  RecordAccidentEvidence: labels('调查取证', 'record evidence'),
  StartAppraisal: labels('委托技术鉴定/损失评估', 'start an appraisal'),
  FinishAppraisal: labels('鉴定完成', 'appraisal finished'),
  ExtendInvestigation: labels('延长调查期限', 'extend the investigation'),
  SubmitInvestigationReport: labels('提交事故调查报告', 'submit the investigation report'),
  RecordCollectiveReview: labels('集体审议', 'collective review'),
  RecordApproval: labels('登记批复', 'record the approval'),
  RecordOutcome: labels('登记处理结果', 'record an outcome'),
  CloseOutcome: labels('处理结果办结/移交', 'close or hand on an outcome'),
  CloseAccident: labels('结案', 'close the accident'),
};

export const ACCIDENT_EVENT_LABELS: Record<AccidentEventType, Labels> = {
  DeadlinesRecomputed: labels('期限按新日历重算', 'deadlines recomputed on the new calendar'),
  AccidentReportReceived: labels('事故已接报', 'accident reported'),
  AccidentTriaged: labels('事故已界定', 'accident triaged'),
  AccidentReportedUpward: labels('已上报', 'reported upward'),
  FollowUpReportRecorded: labels('已补报', 'follow-up report'),
  LeadBodyActRecorded: labels('牵头机关事项已登记', 'lead body’s act recorded'),
  SiteSecured: labels('现场已保护', 'site secured'),
  InvestigationTeamFormed: labels('调查组已组成', 'team formed'),
  AccidentEvidenceRecorded: labels('已调查取证', 'evidence recorded'),
  AppraisalStarted: labels('已委托鉴定（期限中止）', 'appraisal started (period stopped)'),
  AppraisalFinished: labels('鉴定完成（期限恢复）', 'appraisal finished (period resumes)'),
  InvestigationExtended: labels('调查期限已延长', 'investigation extended'),
  InvestigationReportSubmitted: labels('调查报告已提交', 'report submitted'),
  CollectiveReviewRecorded: labels('集体审议已登记', 'collective review recorded'),
  InvestigationReportApproved: labels('调查报告已批复', 'report approved'),
  OutcomeRecorded: labels('处理结果已登记', 'outcome recorded'),
  OutcomeClosed: labels('处理结果已办结/移交', 'outcome closed or handed on'),
  ReportEscalationAnswered: labels('上级已答复上报', 'the report upward was answered'),
  AccidentClosed: labels('事故已结案', 'accident closed'),
  EscalationNoticeRaised: labels('督办通知', 'notice'),
};
