import { z } from 'zod';
import { isoDateSchema, type CaseView } from '@qts/domain';

const openDeadlineSchema = z.object({
  kind: z.string().min(1),
  labelZh: z.string(),
  labelEn: z.string(),
  due: isoDateSchema,
  legalSource: z.string(),
  provisional: z.boolean(),
});

/** What a projection's view must look like before it becomes rows (a projection bug is refused, not stored). */
export const caseViewSchema = z.object({
  caseType: z.string(),
  bureauId: z.string(),
  section: z.string().min(1),
  stage: z.string().min(1),
  procedure: z.string().nullable(),
  title: z.string(),
  partyName: z.string(),
  closed: z.boolean(),
  deadlines: z.array(openDeadlineSchema).refine((ds) => new Set(ds.map((d) => d.kind)).size === ds.length, 'deadline kinds must be unique'),
}) satisfies z.ZodType<Omit<CaseView, 'section'> & { section: string }>;

export type ValidCaseView = z.infer<typeof caseViewSchema>;
