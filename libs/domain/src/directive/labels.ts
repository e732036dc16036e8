import { labels, type Labels } from '../kernel/labels';
import type { DirectiveCaseCommand, DirectiveOpeningCommand } from './commands';
import type { DirectiveEventType } from './events';

const STAGES: Record<string, Labels> = {
  none: labels('未开启', 'not opened'),
  awaiting_written_directive: labels('紧急处置后待补发书面指令', 'emergency order: written directive outstanding'),
  awaiting_directive: labels('已检查待下达指令', 'inspected: directive to issue'),
  rectifying: labels('整改中', 'rectifying'),
  awaiting_reinspection: labels('已报整改待复查', 'rectification reported: re-inspection due'),
  not_rectified: labels('复查不合格', 're-inspection: not rectified'),
  refused: labels('拒不执行指令，待立案查处', 'directive refused: penalty case to open'),
  rectified: labels('复查合格（查封扣押待解除）', 'rectified (seal to release)'),
  closed: labels('已办结', 'closed'),
};

/** Every stage `directiveStage` can name. */
export const DIRECTIVE_STAGES: readonly string[] = Object.keys(STAGES);

export function directiveStageLabel(stage: string): Labels {
  return STAGES[stage] ?? labels(stage, stage);
}

export const DIRECTIVE_COMMAND_LABELS: Record<DirectiveOpeningCommand['type'] | DirectiveCaseCommand['type'], Labels> = {
  RecordInspection: labels('登记监督检查', 'record an inspection'),
  RecordEmergencyOrder: labels('登记现场紧急处置', 'record an emergency order'),
  IssueWrittenDirective: labels('下达（补发）书面安全监察指令', 'issue the written directive'),
  RecordRectificationReport: labels('登记整改报告', 'record the rectification report'),
  RecordReinspection: labels('登记复查', 'record the re-inspection'),
  RecordDirectiveRefusal: labels('认定拒不执行指令', 'record the refusal of the directive'),
  LinkPenaltyCase: labels('移送立案查处（新立或关联已有案件）', 'open or link the penalty case'),
  SealEquipment: labels('查封扣押设备', 'seal or seize the equipment'),
  ExtendSeal: labels('延长查封扣押', 'extend the seal'),
  ReleaseSeal: labels('解除查封扣押', 'release the seal'),
  ReportSeriousHazard: labels('上报严重事故隐患', 'report the serious hazard'),
  CloseDirective: labels('办结', 'close'),
};

export const DIRECTIVE_EVENT_LABELS: Record<DirectiveEventType, Labels> = {
  InspectionRecorded: labels('监督检查已登记', 'inspection recorded'),
  EmergencyOrderRecorded: labels('现场紧急处置已登记', 'emergency order recorded'),
  WrittenDirectiveIssued: labels('书面安全监察指令已下达', 'written directive issued'),
  RectificationReported: labels('整改报告已登记', 'rectification reported'),
  Reinspected: labels('已复查', 're-inspected'),
  DirectiveRefused: labels('认定拒不执行指令', 'directive refused'),
  PenaltyCaseLinked: labels('已关联立案查处案件', 'penalty case linked'),
  EquipmentSealed: labels('设备已查封扣押', 'equipment sealed'),
  SealExtended: labels('查封扣押已延长', 'seal extended'),
  SealReleased: labels('查封扣押已解除', 'seal released'),
  SeriousHazardReported: labels('严重事故隐患已上报', 'serious hazard reported'),
  EscalationOutcomeRecorded: labels('上报已答复', 'escalation answered'),
  InspectorReminded: labels('提醒监察人员补发指令', 'inspectors reminded'),
  DeadlinesRecomputed: labels('期限按新日历重算', 'deadlines recomputed on the new calendar'),
  DirectiveClosed: labels('已办结', 'closed'),
  EscalationNoticeRaised: labels('督办通知', 'escalation notice'),
};
