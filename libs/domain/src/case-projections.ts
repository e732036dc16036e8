import type { CaseProjection } from './events/case-projection';
import { penaltyProjection } from './penalty/projection';
import { escalationProjection } from './escalation/projection';

/** One projection per process, keyed by caseType. */
export const caseProjections: Record<string, CaseProjection<unknown>> = {
  [penaltyProjection.caseType]: penaltyProjection,
  [escalationProjection.caseType]: escalationProjection,
};
