import type { CaseProjection } from './events/case-projection';
import { PROCESSES } from './kernel/registry';

/** One projection per process, keyed by caseType, from the registry (the projector may add test projections). */
export const caseProjections: Record<string, CaseProjection<unknown>> = Object.fromEntries(
  PROCESSES.map((p) => [p.caseType, p.projection as CaseProjection<unknown>]),
);
