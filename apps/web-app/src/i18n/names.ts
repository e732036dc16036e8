import type { Labels } from './labels';

/** 科室 (domain.md §1; the domain's copy is SECTION_NAMES in libs/domain/src/shared/actor.ts). */
export const SECTIONS: Record<string, Labels> = {
  office: { zh: '办公室', en: 'Office' },
  quality: { zh: '质量监督科', en: 'Quality supervision' },
  enforcement: { zh: '稽查队', en: 'Enforcement' },
  standards: { zh: '标准化科', en: 'Standards' },
  metrology: { zh: '计量科', en: 'Metrology' },
  special_equipment: { zh: '特种设备安全监察科', en: 'Special equipment' },
};

export const ROLES: Record<string, Labels> = {
  officer: { zh: '执法人员', en: 'officer' },
  section_chief: { zh: '科长', en: 'section chief' },
  bureau_head: { zh: '局长', en: 'bureau head' },
  case_review_committee: { zh: '案审会', en: 'review committee' },
  auditor: { zh: '审计', en: 'auditor' },
  administrator: { zh: '管理员', en: 'administrator' },
};

export const NOTICE_LEVELS: Record<string, Labels> = {
  approaching: { zh: '即将到期', en: 'approaching' },
  missed: { zh: '已逾期', en: 'missed' },
};

/** "site_inspection" / "discoveredOn" → "site inspection" / "discovered on": the English of a slug or field name. */
export function humanise(name: string): string {
  return name
    .replace(/Fen$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
}
