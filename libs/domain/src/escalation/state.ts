import type { IsoDate } from '../shared/iso-date';
import type { Section } from '../shared/actor';
import type { EscalationRuleSet } from '../policy/escalation-rules';
import type { CaseSummary, EscalationOutcomeKind, EscalationTarget, ParentRef } from './commands';
import type { EscalationDeadline } from './events';
import type { EscalationLevel } from './levels';

export type EscalationLevelStatus = 'pending' | 'submitted' | 'acknowledged' | 'forwarded' | 'decided' | 'withdrawn';

export interface EscalationLevelState extends EscalationLevel {
  status: EscalationLevelStatus;
  attempts: number;
  submittedOn: IsoDate | null;
  acknowledgedOn: IsoDate | null;
  acknowledgedBy: string | null;
  forwardedOn: IsoDate | null;
  decision: { decidedOn: IsoDate; decidedBy: string; outcome: EscalationOutcomeKind; reference: string; answer: string } | null;
  withdrawals: { withdrawnOn: IsoDate; reason: string; intent: 'amend' | 'abandon' }[];
}

export interface EscalationState {
  stage: 'none' | 'open' | 'closed';
  target: EscalationTarget | null;
  subject: string;
  legalGround: string;
  caseSummary: CaseSummary;
  section: Section;
  parent: ParentRef | null;
  openedOn: IsoDate | null;
  rules: EscalationRuleSet | null;
  chain: EscalationLevelState[];
  /** index into chain of the level the document is with (or will go to) */
  current: number;
  lastActDate: IsoDate | null;
  deadlines: Record<string, EscalationDeadline>;
  raisedNotices: string[];
  outcome: { outcome: EscalationOutcomeKind; closedOn: IsoDate; decidedByLevel: string | null } | null;
}

export function initialEscalationState(): EscalationState {
  return {
    stage: 'none',
    target: null,
    subject: '',
    legalGround: '',
    caseSummary: { title: '', partyName: '', facts: '' },
    section: 'enforcement',
    parent: null,
    openedOn: null,
    rules: null,
    chain: [],
    current: 0,
    lastActDate: null,
    deadlines: {},
    raisedNotices: [],
    outcome: null,
  };
}

export function currentLevel(state: EscalationState): EscalationLevelState | undefined {
  return state.chain[state.current];
}
