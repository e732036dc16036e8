import { any, CHIEF_OR_HEAD, HANDLERS, own, type Rule } from '../authorization/grants';
import type { RecallCaseCommand, RecallOpeningCommand } from './commands';

const HANDLED = '稽查队承办缺陷产品召回（责任清单）/ the enforcement team handles recalls';
const WITH_HEAD = [...HANDLERS, any('bureau_head')] as const;

/** 缺陷产品召回: the enforcement team records; the chief or head closes and assesses. */
export const RECALL_COMMAND_POLICY = {
  RegisterDefectSignal: { grants: [own('officer'), own('section_chief'), any('bureau_head')], basis: HANDLED },
  StartDefectInvestigation: { grants: WITH_HEAD, basis: HANDLED },
  NotifyProducer: { grants: WITH_HEAD, basis: HANDLED },
  CloseWithoutDefect: { grants: CHIEF_OR_HEAD, basis: '未发现缺陷办结由科长或局长决定（本局规定）' },
  RaiseObjection: { grants: WITH_HEAD, basis: HANDLED },
  DecideObjection: { grants: WITH_HEAD, basis: HANDLED },
  OrderRecall: { grants: WITH_HEAD, basis: HANDLED },
  FileRecallPlan: { grants: WITH_HEAD, basis: '生产者备案召回计划，承办人登记（《缺陷汽车产品召回管理条例》第十六条）' },
  PublishRecall: { grants: WITH_HEAD, basis: HANDLED },
  SubmitProgressReport: { grants: WITH_HEAD, basis: '生产者提交阶段性报告，承办人登记' },
  AssessRecallRisk: { grants: WITH_HEAD, basis: '风险评估由承办人作出，科长、局长可调整（本局规定）' },
  RecordSpotCheck: { grants: HANDLERS, basis: '区局协助抽查本辖区销售者、消费者（本局规定；《消费品召回管理暂行规定》第五条第二款）' },
  SubmitSummaryReport: { grants: WITH_HEAD, basis: '生产者提交总结报告，承办人登记' },
  AssessEffectiveness: { grants: CHIEF_OR_HEAD, basis: '召回效果评估由科长或局长作出（本局规定）' },
  RecordRefusal: { grants: WITH_HEAD, basis: HANDLED },
} as const satisfies Record<RecallOpeningCommand['type'] | RecallCaseCommand['type'], Rule>;
