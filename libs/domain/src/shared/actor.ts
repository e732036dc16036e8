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

/** Who acted. Timers act as `system`. */
export const actorSchema = z.object({
  id: z.string().min(1),
  role: roleSchema,
  name: z.string().optional(),
});
export type Actor = z.infer<typeof actorSchema>;

export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'system', name: '系统 System' };
