import { any, CHIEF_OR_HEAD, HANDLED, HANDLERS, HEAD, HEAD_DECIDES, own, type Rule } from '../authorization/grants';
import type { PenaltyCaseCommand, PenaltyOpeningCommand } from './commands';

/** 行政处罚案件: who may send each command. The deciders check the law's reserved decisions again. */
export const PENALTY_COMMAND_POLICY = {
  OpenSummaryCase: { grants: [own('officer')], basis: '《行政处罚法》第五十一条、第五十二条：执法人员当场作出处罚决定' },
  RegisterLead: { grants: HANDLERS, basis: HANDLED },
  ExtendFilingPeriod: { grants: HEAD, basis: `${HEAD_DECIDES}（延长立案期限）` },
  DecideFiling: { grants: HEAD, basis: `${HEAD_DECIDES}（立案审批）` },
  RecordEvidence: { grants: HANDLERS, basis: '《行政处罚法》第四十二条、第五十五条：调查取证由执法人员进行' },
  ConcludeInvestigation: { grants: HANDLERS, basis: HANDLED },
  RequestLegalReview: { grants: HANDLERS, basis: HANDLED },
  CompleteLegalReview: {
    grants: [
      { role: 'officer', scope: { onlySection: 'office' } },
      { role: 'section_chief', scope: { onlySection: 'office' } },
    ],
    basis: '《行政处罚法》第五十八条：法制审核由本局法制审核人员（办公室）进行 / legal review by the office',
  },
  ServePenaltyNotice: { grants: HANDLERS, basis: HANDLED },
  RecordDefence: { grants: HANDLERS, basis: HANDLED },
  RequestHearing: { grants: HANDLERS, basis: HANDLED },
  HoldHearing: {
    grants: [any('section_chief'), any('bureau_head')],
    basis: '《行政处罚法》第六十四条：听证由行政机关指定的非本案调查人员主持',
  },
  PauseDecisionClock: { grants: CHIEF_OR_HEAD, basis: '办案期限中止须经批准 / pausing the time limit is approved by the chief or head' },
  ResumeDecisionClock: { grants: CHIEF_OR_HEAD, basis: '办案期限中止须经批准 / pausing the time limit is approved by the chief or head' },
  ExtendDecisionPeriod: { grants: HEAD, basis: `${HEAD_DECIDES}（延长办案期限）` },
  ExtendDecisionPeriodCollectively: {
    grants: [any('case_review_committee')],
    basis: '《市场监督管理行政处罚程序规定》第六十四条第一款：经延期仍不能作出处理决定的，由负责人集体讨论决定是否继续延期',
  },
  RecordCommitteeDecision: {
    grants: [any('case_review_committee')],
    basis: '《行政处罚法》第五十七条第二款：行政机关负责人集体讨论决定',
  },
  DecidePenalty: { grants: HEAD, basis: `${HEAD_DECIDES}（《行政处罚法》第五十七条）` },
  ServeDecision: { grants: HANDLERS, basis: HANDLED },
  RecordPayment: { grants: HANDLERS, basis: HANDLED },
  ApproveDeferral: { grants: HEAD, basis: `${HEAD_DECIDES}（《行政处罚法》第六十六条）` },
  ApproveInstalments: { grants: HEAD, basis: `${HEAD_DECIDES}（《行政处罚法》第六十六条）` },
  ReduceLateFee: { grants: HEAD, basis: `${HEAD_DECIDES}（《行政强制法》第四十二条：减免加处的罚款）` },
  ServeDemandNotice: { grants: HANDLERS, basis: HANDLED },
  ApplyToCourt: { grants: CHIEF_OR_HEAD, basis: '以本局名义申请人民法院强制执行 / applied for in the bureau name' },
  RecordCourtRuling: { grants: HANDLERS, basis: HANDLED },
  TransferToPolice: { grants: HEAD, basis: `${HEAD_DECIDES}（《行政执法机关移送涉嫌犯罪案件的规定》第五条）` },
} as const satisfies Record<PenaltyOpeningCommand['type'] | PenaltyCaseCommand['type'], Rule>;
