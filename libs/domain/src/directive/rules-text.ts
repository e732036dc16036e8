import type { Role } from '../shared/actor';
import type { CaseNoun } from '../shared/decide-guards';

/** A directive case in the refusals the processes share. */
export const DIRECTIVE_NOUN: CaseNoun = { zh: '安全监察指令案件', en: 'directive case', closedZh: '办结' };

export const INSPECTORS: readonly Role[] = ['officer', 'section_chief'];
export const RECORDERS: readonly Role[] = ['officer', 'section_chief', 'bureau_head'];

export const LAW_62 = '《特种设备安全法》第六十二条';
export const SERIOUS = '《特种设备安全监督检查办法》第二十四条、第二十五条';
export const REPORT_UP = '《特种设备安全法》第六十三条；《特种设备安全监督检查办法》第三十条、第三十一条';
export const REFUSAL = '《特种设备安全监督检查办法》第三十六条';
export const REINSPECT = '《特种设备安全监督检查办法》第二十九条第二款';
export const SEAL_TERM = '《行政强制法》第二十五条';
