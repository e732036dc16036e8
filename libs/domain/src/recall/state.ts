import type { IsoDate } from '../shared/iso-date';
import type { Section } from '../shared/actor';
import type { EffectivenessCheckLevel, RecallProductCategory, RecallRiskLevel, RecallRuleSet } from '../policy/recall-rules';
import type { RecallDeadline } from './events';

export const RECALL_STAGES = [
  'none',
  'signal_received',
  'investigating',
  'reported_upward',
  'producer_notified',
  'objection',
  'defect_confirmed',
  'recall_ordered',
  'refused',
  'plan_filed',
  'in_progress',
  'summary_submitted',
  'closed',
] as const;
export type RecallStage = (typeof RECALL_STAGES)[number];

/** One point of the completion curve: cumulative figures as the producer reported them. */
export interface ProgressPoint {
  on: IsoDate;
  notified: number;
  remedied: number;
  permille: number;
  kind: 'progress' | 'summary';
}

export interface SpotCheck {
  on: IsoDate;
  target: 'sellers' | 'consumers';
  checked: number;
  stillSelling: number;
}

export interface RecallState {
  stage: RecallStage;
  section: Section;
  product: { category: RecallProductCategory; name: string; model?: string; batch?: string };
  producer: { name: string; creditCode?: string };
  source: string | null;
  sourceCaseId: string | null;
  receivedOn: IsoDate | null;
  description: string;
  producerReportLate: boolean | null;
  leadAuthority: 'samr' | 'province' | null;
  rules: RecallRuleSet | null;
  investigationMode: 'district' | 'reported_upward' | null;
  notifiedOn: IsoDate | null;
  objection: { raisedOn: IsoDate; grounds: string; outcome: 'upheld' | 'overruled' | null } | null;
  order: { orderedOn: IsoDate; orderedBy: string; reference: string } | null;
  plan: { filedOn: IsoDate; mode: 'voluntary' | 'ordered'; unitsAffected: number; plannedCompletionOn: IsoDate; remedy: string } | null;
  publication: { publishedOn: IsoDate; checkLevel: EffectivenessCheckLevel; channel: string } | null;
  progress: ProgressPoint[];
  spotChecks: SpotCheck[];
  /** 风险评估, the latest (本局规定); null until assessed */
  risk: { level: RecallRiskLevel; assessedOn: IsoDate; basis: string } | null;
  /** the reports on which the completion rate stalled below the target */
  stalledOn: IsoDate[];
  assessments: { assessedOn: IsoDate; outcome: 'effective' | 'insufficient'; permille: number }[];
  refusal: { refusedOn: IsoDate; penaltyCaseId: string; escalationId: string; escalationOutcome: string | null } | null;
  lastActDate: IsoDate | null;
  deadlines: Record<string, RecallDeadline>;
  raisedNotices: string[];
  closure: { closedOn: IsoDate; outcome: 'no_defect' | 'completed' } | null;
}

export function initialRecallState(): RecallState {
  return {
    stage: 'none',
    section: 'enforcement',
    product: { category: 'consumer_goods', name: '' },
    producer: { name: '' },
    source: null,
    sourceCaseId: null,
    receivedOn: null,
    description: '',
    producerReportLate: null,
    leadAuthority: null,
    rules: null,
    investigationMode: null,
    notifiedOn: null,
    objection: null,
    order: null,
    plan: null,
    publication: null,
    progress: [],
    spotChecks: [],
    risk: null,
    stalledOn: [],
    assessments: [],
    refusal: null,
    lastActDate: null,
    deadlines: {},
    raisedNotices: [],
    closure: null,
  };
}

/** The latest completion rate (per mille), 0 before any report. */
export function currentPermille(state: RecallState): number {
  return state.progress.at(-1)?.permille ?? 0;
}
