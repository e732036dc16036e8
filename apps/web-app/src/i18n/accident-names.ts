import type { Labels } from './labels';

/** 事故类别 (the accident's kind). */
export const ACCIDENT_KINDS: Record<string, Labels> = {
  special_equipment: { zh: '特种设备事故', en: 'special equipment accident' },
  product_quality: { zh: '产品质量事故', en: 'product quality accident' },
  food_related_product: { zh: '食品相关产品质量安全事故', en: 'food-related product accident' },
};

/** 事故等级 (graded at triage). */
export const ACCIDENT_GRADES: Record<string, Labels> = {
  extraordinary: { zh: '特别重大事故', en: 'extraordinary' },
  major: { zh: '重大事故', en: 'major' },
  larger: { zh: '较大事故', en: 'larger' },
  general: { zh: '一般事故', en: 'general' },
};

/** 组织调查的机关 (who leads the investigation; this bureau takes part when another leads). */
export const ACCIDENT_LEADS: Record<string, Labels> = {
  district_bureau: { zh: '本局组织调查', en: 'this bureau investigates' },
  city_department: { zh: '市局组织调查，本局参与', en: 'the city bureau investigates; this bureau takes part' },
  province_department: { zh: '省局组织调查，本局参与', en: 'the province investigates; this bureau takes part' },
  samr: { zh: '国家市场监督管理总局组织调查，本局参与', en: 'SAMR investigates; this bureau takes part' },
  state_council: { zh: '国务院或其授权部门组织调查，本局参与', en: 'the State Council investigates; this bureau takes part' },
};

export const NOT_GRADED: Labels = { zh: '未定级', en: 'not graded' };
export const LEAD_UNSETTLED: Labels = { zh: '调查主体待界定', en: 'who leads: to be settled' };
