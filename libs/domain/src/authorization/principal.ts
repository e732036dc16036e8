import { z } from 'zod';
import { isoDateSchema } from '../shared/iso-date';
import { roleSchema, type sectionSchema } from '../shared/actor';

/** 执法证: an officer may take enforcement acts only while it is valid. */
export const enforcementCertificateSchema = z
  .object({
    number: z.string().min(4, 'certificate number is too short').max(40),
    validFrom: isoDateSchema,
    validTo: isoDateSchema,
  })
  .refine((c) => c.validFrom <= c.validTo, { message: 'validFrom must not be after validTo', path: ['validTo'] });
export type EnforcementCertificate = z.infer<typeof enforcementCertificateSchema>;

/** The roles a person can hold (`system` is the clock and integrations, never a person). */
export const personRoleSchema = roleSchema.exclude(['system']);
export type PersonRole = z.infer<typeof personRoleSchema>;

/** A signed-in person as the authorisation sees them: loaded fresh on every request. */
export interface Principal {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly PersonRole[];
  readonly section: z.infer<typeof sectionSchema> | null;
  readonly certificate: EnforcementCertificate | null;
}

/** An officer's certificate as recorded on the act it authorises (evidence, inspection). */
export const officerCredentialSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string(),
  certificate: z.strictObject({ number: z.string(), validFrom: isoDateSchema, validTo: isoDateSchema }).nullable(),
});
export type OfficerCredential = z.infer<typeof officerCredentialSchema>;

export function certificateValidOn(certificate: EnforcementCertificate | null, on: string): boolean {
  return certificate !== null && certificate.validFrom <= on && on <= certificate.validTo;
}
