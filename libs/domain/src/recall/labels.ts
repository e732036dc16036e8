import { labels, type Labels } from '../kernel/labels';
import type { RecallCaseCommand, RecallOpeningCommand } from './commands';
import type { RecallEventType } from './events';
import type { RecallStage } from './state';

export const RECALL_STAGE_LABELS: Record<RecallStage, Labels> = {
  none: labels('未登记', 'not registered'),
  signal_received: labels('缺陷线索已登记', 'defect signal registered'),
  investigating: labels('缺陷调查中', 'investigating the defect'),
  reported_upward: labels('已上报主管部门', 'reported to the leading authority'),
  producer_notified: labels('已通知生产者', 'producer notified'),
  objection: labels('生产者异议论证中', 'objection under review'),
  defect_confirmed: labels('缺陷已确认', 'defect confirmed'),
  recall_ordered: labels('已责令召回', 'recall ordered'),
  refused: labels('拒不召回', 'producer refuses'),
  plan_filed: labels('召回计划已备案', 'recall plan filed'),
  in_progress: labels('召回实施中', 'recall in progress'),
  summary_submitted: labels('总结报告待评估', 'summary report to assess'),
  closed: labels('已办结', 'closed'),
};

export const RECALL_COMMAND_LABELS: Record<RecallOpeningCommand['type'] | RecallCaseCommand['type'], Labels> = {
  RegisterDefectSignal: labels('登记缺陷线索', 'register a defect signal'),
  StartDefectInvestigation: labels('开展缺陷调查或上报', 'investigate or report upward'),
  NotifyProducer: labels('通知生产者缺陷调查结论', 'notify the producer'),
  CloseWithoutDefect: labels('未发现缺陷办结', 'close: no defect'),
  RaiseObjection: labels('登记生产者异议', 'record the producer’s objection'),
  DecideObjection: labels('登记异议论证结论', 'record the objection decision'),
  OrderRecall: labels('登记责令召回', 'record the recall order'),
  FileRecallPlan: labels('召回计划备案', 'file the recall plan'),
  PublishRecall: labels('发布召回信息', 'publish the recall'),
  SubmitProgressReport: labels('阶段性报告', 'progress report'),
  RecordSpotCheck: labels('登记抽查结果', 'record a spot check'),
  AssessRecallRisk: labels('风险评估', 'assess the risk'),
  SubmitSummaryReport: labels('总结报告', 'summary report'),
  AssessEffectiveness: labels('召回效果评估', 'assess effectiveness'),
  RecordRefusal: labels('登记拒不召回', 'record a refusal'),
};

export const RECALL_EVENT_LABELS: Record<RecallEventType, Labels> = {
  DeadlinesRecomputed: labels('期限按新日历重算', 'deadlines recomputed on the new calendar'),
  DefectSignalRegistered: labels('缺陷线索已登记', 'defect signal registered'),
  DefectInvestigationStarted: labels('缺陷调查已开展', 'defect investigation started'),
  ProducerNotified: labels('已通知生产者', 'producer notified'),
  ObjectionRaised: labels('生产者提出异议', 'objection raised'),
  ObjectionDecided: labels('异议论证结论', 'objection decided'),
  RecallOrdered: labels('已责令召回', 'recall ordered'),
  RecallPlanFiled: labels('召回计划已备案', 'recall plan filed'),
  RecallPublished: labels('召回信息已发布', 'recall published'),
  ProgressReported: labels('阶段性报告', 'progress reported'),
  RecallStalled: labels('召回进度停滞', 'recall stalled'),
  SpotCheckRecorded: labels('抽查结果', 'spot check recorded'),
  RecallRiskAssessed: labels('已作风险评估', 'risk assessed'),
  SummaryReportSubmitted: labels('总结报告', 'summary report submitted'),
  EffectivenessAssessed: labels('召回效果已评估', 'effectiveness assessed'),
  RecallReopened: labels('召回重新开启', 'recall reopened'),
  RecallRefused: labels('生产者拒不召回', 'producer refused'),
  EscalationOutcomeRecorded: labels('上报结果', 'escalation outcome'),
  RecallClosed: labels('已办结', 'closed'),
  EscalationNoticeRaised: labels('督办通知', 'escalation notice'),
};
