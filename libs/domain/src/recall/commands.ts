import { z } from 'zod';
import { storableText } from '../shared/storable-text';
import { isoDateSchema } from '../shared/iso-date';
import { sectionSchema } from '../shared/actor';
import { EFFECTIVENESS_CHECK_LEVELS, RECALL_PRODUCT_CATEGORIES, RECALL_RISK_LEVELS } from '../policy/recall-rules';

const text = (what: string) => z.string().min(1, `${what} is required`).max(8000);
const name = (what: string) => z.string().min(1, `${what} is required`).max(200);
const units = z.number().int().nonnegative();

export const recallProductSchema = z.strictObject({
  category: z.enum(RECALL_PRODUCT_CATEGORIES),
  name: name('product name'),
  model: z.string().min(1).max(200).optional(),
  batch: z.string().min(1).max(200).optional(),
});

export const producerSchema = z.strictObject({
  name: name('producer name'),
  creditCode: z.string().min(1).max(40).optional(),
});

/** The producer's own report (death, serious injury, a recall abroad): when it learned, when it reported. */
export const producerReportSchema = z.strictObject({
  kind: z.enum(['death', 'serious_injury', 'recall_abroad']),
  learnedOn: isoDateSchema,
  reportedOn: isoDateSchema,
});

/** 缺陷线索登记: where the signal came from; an accident case it came out of is linked back by its id. */
export const registerDefectSignal = z.strictObject({
  type: z.literal('RegisterDefectSignal'),
  /** the section that owns the recall: 稽查队 by the seed's list, or the section that found the signal */
  section: sectionSchema,
  product: recallProductSchema,
  producer: producerSchema,
  source: z.enum(['sampling_failure', 'accident', 'complaint', 'producer_report']),
  receivedOn: isoDateSchema,
  description: text('description'),
  /** the accident investigation (or other case) the signal came from */
  sourceCaseId: z.string().min(1).max(80).optional(),
  producerReport: producerReportSchema.optional(),
});

/** The district investigates (consumer goods, assisting the province) or reports upward to the leading authority. */
export const startDefectInvestigation = z.strictObject({
  type: z.literal('StartDefectInvestigation'),
  startedOn: isoDateSchema,
  mode: z.enum(['district', 'reported_upward']),
  reference: z.string().min(1).max(200).optional(),
  note: text('note'),
});

/** 缺陷调查结论通知生产者 (by the leading authority, or the district on its behalf). */
export const notifyProducer = z.strictObject({
  type: z.literal('NotifyProducer'),
  notifiedOn: isoDateSchema,
  findings: text('findings'),
  notifiedBy: name('authority'),
});

/** No defect found (investigation) or an objection upheld: the signal is closed. */
export const closeWithoutDefect = z.strictObject({
  type: z.literal('CloseWithoutDefect'),
  closedOn: isoDateSchema,
  reason: text('reason'),
});

export const raiseObjection = z.strictObject({
  type: z.literal('RaiseObjection'),
  raisedOn: isoDateSchema,
  grounds: text('grounds'),
});

/** The leading authority's answer to the objection after expert review, testing or appraisal. */
export const decideObjection = z.strictObject({
  type: z.literal('DecideObjection'),
  decidedOn: isoDateSchema,
  outcome: z.enum(['upheld', 'overruled']),
  decidedBy: name('authority'),
  reasoning: text('reasoning'),
});

/** 责令召回 by the competent authority (recorded by the district). */
export const orderRecall = z.strictObject({
  type: z.literal('OrderRecall'),
  orderedOn: isoDateSchema,
  orderedBy: name('authority'),
  reference: name('reference'),
});

/** 召回计划备案: from the producer (officer from paper, or the inbound producer topic). */
export const fileRecallPlan = z.strictObject({
  type: z.literal('FileRecallPlan'),
  filedOn: isoDateSchema,
  unitsAffected: units.positive('a recall covers at least one unit'),
  remedy: z.enum(['repair', 'replacement', 'refund', 'warning_label', 'other']),
  plannedCompletionOn: isoDateSchema,
  measures: text('measures'),
  reference: z.string().min(1).max(200).optional(),
});

/** 召回信息发布, and the effectiveness-check level the bureau will apply. */
export const publishRecall = z.strictObject({
  type: z.literal('PublishRecall'),
  publishedOn: isoDateSchema,
  checkLevel: z.enum(EFFECTIVENESS_CHECK_LEVELS),
  channel: name('channel'),
});

/** 阶段性报告: cumulative figures as of the report. */
export const submitProgressReport = z.strictObject({
  type: z.literal('SubmitProgressReport'),
  reportedOn: isoDateSchema,
  unitsNotified: units,
  unitsRemedied: units,
  note: z.string().min(1).max(8000).optional(),
});

/** The district's own check of sellers (still selling?) or consumers (still unremedied?). */
export const recordSpotCheck = z.strictObject({
  type: z.literal('RecordSpotCheck'),
  checkedOn: isoDateSchema,
  target: z.enum(['sellers', 'consumers']),
  checked: units.positive('a spot check checks at least one'),
  stillSelling: units,
  note: z.string().min(1).max(8000).optional(),
});

/** 风险评估: how dangerous the defect is (orders the bureau's recall list; 本局规定). May be assessed again. */
export const assessRecallRisk = z.strictObject({
  type: z.literal('AssessRecallRisk'),
  assessedOn: isoDateSchema,
  level: z.enum(RECALL_RISK_LEVELS),
  basis: text('basis'),
});

/** 总结报告: final figures. */
export const submitSummaryReport = z.strictObject({
  type: z.literal('SubmitSummaryReport'),
  submittedOn: isoDateSchema,
  completedOn: isoDateSchema,
  unitsNotified: units,
  unitsRemedied: units,
  summary: text('summary'),
});

/** 效果评估: closed as effective, or reopened for more effective measures. */
export const assessEffectiveness = z.strictObject({
  type: z.literal('AssessEffectiveness'),
  assessedOn: isoDateSchema,
  outcome: z.enum(['effective', 'insufficient']),
  findings: text('findings'),
  /** why a rate below the target is still acceptable (reasonable efforts shown) */
  reasonableEfforts: z.string().min(1).max(8000).optional(),
  /**
   * reopened: the day the further measures are to be completed by; the summary report is then due again from it
   * (as from the plan's planned completion). Optional only because assessments recorded before it lack it.
   */
  newCompletionOn: isoDateSchema.optional(),
});

/** The producer refuses to recall after an order: a penalty case and an escalation follow. */
export const recordRefusal = z.strictObject({
  type: z.literal('RecordRefusal'),
  refusedOn: isoDateSchema,
  statement: text('statement'),
});

export const recallOpeningCommandSchema = storableText(registerDefectSignal);

export const recallCaseCommandSchema = storableText(
  z.discriminatedUnion('type', [
    startDefectInvestigation,
    notifyProducer,
    closeWithoutDefect,
    raiseObjection,
    decideObjection,
    orderRecall,
    fileRecallPlan,
    publishRecall,
    submitProgressReport,
    recordSpotCheck,
    assessRecallRisk,
    submitSummaryReport,
    assessEffectiveness,
    recordRefusal,
  ]),
);

export type RecallOpeningCommand = z.infer<typeof recallOpeningCommandSchema>;
export type RecallCaseCommand = z.infer<typeof recallCaseCommandSchema>;

/** The outcome of the escalation a refusal started. System only. */
export interface RecordRecallEscalationOutcome {
  type: 'RecordEscalationOutcome';
  escalationId: string;
  outcome: string;
  decidedOn: string;
}

export type RecallCommand =
  RecallOpeningCommand | RecallCaseCommand | RecordRecallEscalationOutcome | { type: 'Tick' } | { type: 'RecomputeDeadlines' };

/** The producer's side, which the inbound topic may send as the system identity. */
export const PRODUCER_COMMANDS: ReadonlySet<string> = new Set(['FileRecallPlan', 'SubmitProgressReport', 'SubmitSummaryReport']);
