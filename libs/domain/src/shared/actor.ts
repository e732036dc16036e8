import { z } from 'zod';

export const roleSchema = z.enum([
  'officer',
  'section_chief',
  'bureau_head',
  'case_review_committee',
  'auditor',
  'administrator',
  'system',
]);
export type Role = z.infer<typeof roleSchema>;

/** 角色的中文名: the one table (refusals, the UI through the API). */
export const ROLE_NAMES: Record<Role, string> = {
  officer: '执法人员',
  section_chief: '科长',
  bureau_head: '局长',
  case_review_committee: '案审会',
  auditor: '审计人员',
  administrator: '管理员',
  system: '系统',
};

export const sectionSchema = z.enum(['office', 'quality', 'enforcement', 'standards', 'metrology', 'special_equipment']);
export type Section = z.infer<typeof sectionSchema>;

/** 责任科室 as the bureau names them (domain.md §1). */
export const SECTION_NAMES: Record<Section, string> = {
  office: '办公室',
  quality: '质量监督科',
  enforcement: '稽查队',
  standards: '标准化科',
  metrology: '计量科',
  special_equipment: '特种设备安全监察科',
};

/** Who acted. Timers act as `system`. */
export const actorSchema = z.object({
  id: z.string().min(1),
  role: roleSchema,
  name: z.string().optional(),
});
export type Actor = z.infer<typeof actorSchema>;

export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'system', name: '系统 System' };
