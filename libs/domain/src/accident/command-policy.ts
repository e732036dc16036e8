import { any, CHIEF_OR_HEAD, HANDLERS, HEAD, own, type Rule } from '../authorization/grants';
import type { AccidentCaseCommand, AccidentOpeningCommand } from './commands';

const HANDLED_ACCIDENT =
  '承办科室办理事故报告和调查（《特种设备安全法》第七十条；《生产安全事故报告和调查处理条例》）/ handled by the owning section';
const RECORD = [...HANDLERS, any('bureau_head')] as const;

/** 事故调查. */
export const ACCIDENT_COMMAND_POLICY = {
  ReceiveAccidentReport: {
    grants: [...RECORD, { role: 'officer', scope: { onlySection: 'office' } }],
    basis: '接报登记（值班室或承办科室）/ registering a report',
  },
  TriageAccident: { grants: RECORD, basis: `${HANDLED_ACCIDENT}；《特种设备事故报告和调查处理规定》第三条` },
  ReportUpward: {
    grants: RECORD,
    basis: '《特种设备安全法》第七十条第二款；《生产安全事故报告和调查处理条例》第十条、第十一条（每级不超过2小时）',
  },
  RecordFollowUpReport: { grants: RECORD, basis: '《生产安全事故报告和调查处理条例》第十三条第二款' },
  RecordLeadBodyAct: { grants: RECORD, basis: '作为调查组成员参与调查 / taking part in the lead body’s team' },
  SecureSite: { grants: RECORD, basis: '《生产安全事故报告和调查处理条例》第十六条（保护事故现场）' },
  FormInvestigationTeam: { grants: [own('section_chief'), any('bureau_head')], basis: '《生产安全事故报告和调查处理条例》第二十二条' },
  RecordAccidentEvidence: { grants: RECORD, basis: HANDLED_ACCIDENT },
  StartAppraisal: { grants: RECORD, basis: '《生产安全事故报告和调查处理条例》第二十七条' },
  FinishAppraisal: { grants: RECORD, basis: '《生产安全事故报告和调查处理条例》第二十七条' },
  ExtendInvestigation: { grants: HEAD, basis: '《生产安全事故报告和调查处理条例》第二十九条：经负责事故调查的人民政府批准' },
  SubmitInvestigationReport: { grants: RECORD, basis: '《生产安全事故报告和调查处理条例》第三十条' },
  RecordCollectiveReview: { grants: CHIEF_OR_HEAD, basis: '本局规定：事故调查报告经局务会集体审议' },
  RecordApproval: { grants: RECORD, basis: '《生产安全事故报告和调查处理条例》第三十二条（登记人民政府批复）' },
  RecordOutcome: {
    grants: RECORD,
    basis: '《生产安全事故报告和调查处理条例》第三十二条第二款至第四款（落实批复）、第三十三条（防范和整改措施）',
  },
  CloseOutcome: {
    grants: RECORD,
    basis: '《生产安全事故报告和调查处理条例》第三十二条第二款至第四款（落实批复）、第三十三条（防范和整改措施）',
  },
  CloseAccident: { grants: CHIEF_OR_HEAD, basis: '本局规定：事故结案由科长或局长决定' },
} as const satisfies Record<AccidentOpeningCommand['type'] | AccidentCaseCommand['type'], Rule>;
