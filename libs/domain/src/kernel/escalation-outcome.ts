import type { EscalationOutcomeKind } from '../escalation/commands';
import type { IsoDate } from '../shared/iso-date';

/**
 * What a parent case receives when an escalation it started ends: which level decided what, and when.
 * Any process that starts escalations handles this one signal (as a system command of its own).
 */
export interface EscalationOutcome {
  escalationId: string;
  outcome: EscalationOutcomeKind;
  decidedOn: IsoDate;
  /** the level key that decided (e.g. `cnca`, `police`), null when the bureau abandoned the escalation */
  decidedByLevel: string | null;
}
