import { z } from 'zod';
import { enforcementCertificateSchema, personRoleSchema, sectionSchema, storableText, type PersonRole } from '@qts/domain';

const userIdSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, 'a user id is 3-40 lower-case letters, digits, ".", "_" or "-"');

const SECTION_ROLES: readonly PersonRole[] = ['officer', 'section_chief'];

const rolesAndSection = z.strictObject({
  roles: z
    .array(personRoleSchema)
    .min(1, 'at least one role')
    .refine((roles) => new Set(roles).size === roles.length, 'roles must not repeat'),
  section: sectionSchema.nullable().default(null),
});

function sectionRule(v: { roles: readonly PersonRole[]; section: string | null }, ctx: z.RefinementCtx): void {
  if (v.section === null && v.roles.some((r) => SECTION_ROLES.includes(r))) {
    ctx.addIssue({ code: 'custom', path: ['section'], message: 'officers and section chiefs belong to a section' });
  }
}

export const newUserSchema = storableText(
  rolesAndSection
    .extend({
      id: userIdSchema,
      name: z.string().trim().min(1, 'name is required').max(60),
      password: z.string(),
      certificate: enforcementCertificateSchema.nullable().default(null),
    })
    .superRefine(sectionRule),
);
export type NewUser = z.infer<typeof newUserSchema>;

export const rolesChangeSchema = storableText(rolesAndSection.superRefine(sectionRule));
export type RolesChange = z.infer<typeof rolesChangeSchema>;

export const certificateChangeSchema = storableText(z.strictObject({ certificate: enforcementCertificateSchema.nullable() }));
export const reasonSchema = storableText(z.strictObject({ reason: z.string().trim().min(2, 'state the reason').max(500) }));
export const passwordChangeSchema = storableText(z.strictObject({ password: z.string() }));
export const ownPasswordChangeSchema = storableText(
  z.strictObject({
    currentPassword: z.string().min(1, 'currentPassword is required'),
    newPassword: z.string(),
  }),
);
export const assignmentSchema = storableText(
  z.strictObject({ userId: userIdSchema, reason: z.string().trim().min(2, 'state the reason').max(500) }),
);
