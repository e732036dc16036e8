import { any, HANDLERS, HEAD, own, type Rule } from '../authorization/grants';
import type { DirectiveCaseCommand, DirectiveOpeningCommand } from './commands';

const INSPECT =
  '特种设备安全监察科监察人员（《特种设备安全法》第六十五条、第六十六条；《特种设备安全监督检查办法》第十九条、第二十一条）/ the special-equipment section’s inspectors';

/** 特种设备安全监察指令. */
export const DIRECTIVE_COMMAND_POLICY = {
  RecordInspection: { grants: HANDLERS, basis: INSPECT },
  RecordEmergencyOrder: { grants: HANDLERS, basis: `${INSPECT}；《特种设备安全法》第六十二条` },
  IssueWrittenDirective: { grants: HANDLERS, basis: '《特种设备安全法》第六十二条 / the written directive' },
  RecordRectificationReport: { grants: [...HANDLERS, any('bureau_head')], basis: '登记整改报告 / recording the report' },
  RecordReinspection: { grants: HANDLERS, basis: '《特种设备安全监督检查办法》第二十九条第二款 / re-inspection' },
  RecordDirectiveRefusal: { grants: HANDLERS, basis: '《特种设备安全监督检查办法》第三十六条' },
  LinkPenaltyCase: { grants: [...HANDLERS, any('bureau_head')], basis: '移交立案查处 / referral to a penalty case' },
  SealEquipment: {
    grants: HANDLERS,
    basis: '《特种设备安全法》第六十一条第一款第（三）项；《特种设备安全监督检查办法》第二十六条；《行政强制法》第二十五条',
  },
  ExtendSeal: { grants: HEAD, basis: '《行政强制法》第二十五条：延长经行政机关负责人批准' },
  ReleaseSeal: { grants: [...HANDLERS, any('bureau_head')], basis: '《行政强制法》第二十八条 / release' },
  ReportSeriousHazard: { grants: HANDLERS, basis: '《特种设备安全法》第六十三条；《特种设备安全监督检查办法》第三十条、第三十一条' },
  CloseDirective: { grants: [own('section_chief'), any('bureau_head')], basis: '科长审核办结 / the chief closes' },
} as const satisfies Record<DirectiveOpeningCommand['type'] | DirectiveCaseCommand['type'], Rule>;
