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
