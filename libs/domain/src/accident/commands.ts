import { z } from 'zod';
import { storableText } from '../shared/storable-text';
import { isoDateSchema } from '../shared/iso-date';
import { sectionSchema } from '../shared/actor';
import { officerCredentialSchema } from '../authorization/principal';
import { escalationOutcomeSchema } from '../escalation/commands';
import { partySchema } from '../penalty/commands';
import { BOUNDARY_DEPARTMENTS, type BoundaryDepartmentKey } from '../escalation/boundary-table';
import { ACCIDENT_KINDS, EQUIPMENT_EVENT_KINDS, NOT_AN_ACCIDENT_GROUNDS, type NotAnAccidentGround } from '../policy/accident-rules';

/** An instant with its offset (reports and the hour limits are counted in hours, not days). */
export const instantSchema = z.string().datetime({ offset: true });

const text = (what: string) => z.string().min(1, `${what} is required`).max(8000);
const count = z.number().int().nonnegative();

export const casualtiesSchema = z.strictObject({ deaths: count, seriousInjuries: count, minorInjuries: count.default(0) });
export type Casualties = z.infer<typeof casualtiesSchema>;

export const equipmentEventSchema = z.strictObject({
  kind: z.enum(EQUIPMENT_EVENT_KINDS),
  /** how long people were trapped or stranded, in hours */
  hours: z.number().nonnegative().optional(),
  people: count.optional(),
});

export const REPORT_SOURCES = ['hotline_12365', 'hotline_12315', 'enterprise', 'police', 'other_department'] as const;

/** 事故报告: what the hotline platform, the enterprise, the police or another department tells the bureau. */
export const accidentReportFields = {
  /** the sender's id of the report: the same report twice opens one case */
  reportId: z.string().min(1).max(100),
  kind: z.enum(ACCIDENT_KINDS),
  source: z.enum(REPORT_SOURCES),
  occurredAt: instantSchema,
  receivedAt: instantSchema,
  place: z.string().min(1, 'place is required').max(300),
  casualties: casualtiesSchema,
  directLossYuan: count.optional(),
  /** people moved away (有毒介质泄漏造成的人员转移) */
  evacuated: count.optional(),
  equipmentEvents: z.array(equipmentEventSchema).max(10).optional(),
  /** 特种设备使用登记证编号 */
  equipment: z.strictObject({ registrationCode: z.string().min(1).max(100), equipmentType: z.string().min(1).max(100) }).optional(),
  product: z
    .strictObject({ name: z.string().min(1).max(200), producer: z.string().min(1).max(200), batch: z.string().min(1).max(100).optional() })
    .optional(),
  reporter: z.strictObject({
    name: z.string().min(1).max(100),
    phone: z.string().min(1).max(40).optional(),
    organisation: z.string().min(1).max(200).optional(),
  }),
  summary: text('summary'),
};

export const receiveAccidentReport = z.strictObject({
  type: z.literal('ReceiveAccidentReport'),
  ...accidentReportFields,
  section: sectionSchema,
});

const groundKeys = Object.keys(NOT_AN_ACCIDENT_GROUNDS) as [NotAnAccidentGround, ...NotAnAccidentGround[]];

/** 事故界定: an accident of this kind or not (特种设备事故报告和调查处理规定 第三条), its grade and who leads. */
export const triageAccident = z.strictObject({
  type: z.literal('TriageAccident'),
  triagedOn: isoDateSchema,
  decision: z.enum(['accident', 'not_an_accident']),
  ground: z.enum(groundKeys).optional(),
  reasons: text('reasons'),
});

/** 上报: to the district government, or to the superior department (the city, level by level upward). */
export const reportUpward = z.strictObject({
  type: z.literal('ReportUpward'),
  to: z.enum(['district_government', 'superior_department']),
  reportedAt: instantSchema,
  reportedBy: z.string().min(1).max(100),
  content: text('content'),
});

/** 补报: casualties changed within 30 days of the accident. */
export const recordFollowUpReport = z.strictObject({
  type: z.literal('RecordFollowUpReport'),
  reportedAt: instantSchema,
  casualties: casualtiesSchema,
  directLossYuan: count.optional(),
  note: text('note'),
});

/** What the body that leads the investigation asked of, found or reported to the bureau as a team member. */
export const recordLeadBodyAct = z.strictObject({
  type: z.literal('RecordLeadBodyAct'),
  act: z.enum(['request', 'finding', 'report', 'approval']),
  on: isoDateSchema,
  reference: z.string().min(1).max(100).optional(),
  text: text('text'),
});

export const secureSite = z.strictObject({ type: z.literal('SecureSite'), securedAt: instantSchema, measures: text('measures') });

/** 事故调查组: two or more officers holding valid 执法证. */
export const formInvestigationTeam = z.strictObject({
  type: z.literal('FormInvestigationTeam'),
  formedOn: isoDateSchema,
  officerIds: z.array(z.string().min(1)).min(1).max(20),
  /** the officers' certificates, attached by the API from their accounts */
  officers: z.array(officerCredentialSchema).optional(),
});

export const recordAccidentEvidence = z.strictObject({
  type: z.literal('RecordAccidentEvidence'),
  collectedOn: isoDateSchema,
  description: text('description'),
});

/** 技术鉴定 / 损失评估: their time does not count against the investigation period. */
export const startAppraisal = z.strictObject({
  type: z.literal('StartAppraisal'),
  startedOn: isoDateSchema,
  appraisal: z.enum(['technical_appraisal', 'loss_assessment']),
  agency: z.string().min(1).max(200),
});

export const finishAppraisal = z.strictObject({
  type: z.literal('FinishAppraisal'),
  finishedOn: isoDateSchema,
  conclusion: text('conclusion'),
});

export const extendInvestigation = z.strictObject({
  type: z.literal('ExtendInvestigation'),
  approvedOn: isoDateSchema,
  approvedBy: z.string().min(1).max(200),
  days: z.number().int().positive(),
  reason: text('reason'),
});

export const LIABILITY_SHARES = ['full', 'primary', 'secondary'] as const;

export const submitInvestigationReport = z.strictObject({
  type: z.literal('SubmitInvestigationReport'),
  submittedOn: isoDateSchema,
  cause: text('cause'),
  liabilities: z
    .array(z.strictObject({ party: z.string().min(1).max(200), share: z.enum(LIABILITY_SHARES) }))
    .min(1)
    .max(20),
  rectificationOpinions: text('rectification opinions'),
});

export const recordCollectiveReview = z.strictObject({
  type: z.literal('RecordCollectiveReview'),
  reviewedOn: isoDateSchema,
  conclusion: z.enum(['passed', 'returned']),
  minutes: text('minutes'),
});

/** 批复 by the government at the bureau's level. */
export const recordApproval = z.strictObject({
  type: z.literal('RecordApproval'),
  approvedOn: isoDateSchema,
  approvedBy: z.string().min(1).max(200),
  reference: z.string().min(1).max(100),
});

export const OUTCOME_TYPES = ['rectification', 'penalty_case', 'recall', 'police_transfer', 'peer_notice'] as const;
export type OutcomeType = (typeof OUTCOME_TYPES)[number];

/** An outcome of the investigation, linked to the case or document that carries it on. */
export const recordOutcome = z.strictObject({
  type: z.literal('RecordOutcome'),
  outcomeId: z.string().min(1).max(60),
  outcome: z.enum(OUTCOME_TYPES),
  recordedOn: isoDateSchema,
  description: text('description'),
  /**
   * the penalty case, recall or document that carries it (PEN-…, a recall id); absent for a police transfer or a peer
   * notice, the bureau sends it as a child escalation (移送 / 通报) whose answer closes the outcome
   */
  linkedId: z.string().min(1).max(100).optional(),
  /**
   * penalty case: the party it is against, when the bureau opens the case itself (no `linkedId`): a lead for
   * 执法稽查科 naming this accident, started as a child process that links back
   */
  party: partySchema.optional(),
  /** rectification: the day it must be verified by */
  verifyBy: isoDateSchema.optional(),
  /** peer notices: the department told, from the 职责边界 table */
  department: z
    .enum(
      Object.keys(BOUNDARY_DEPARTMENTS).filter((k) => k !== 'quality_supervision') as [BoundaryDepartmentKey, ...BoundaryDepartmentKey[]],
    )
    .optional(),
});

export const closeOutcome = z.strictObject({
  type: z.literal('CloseOutcome'),
  outcomeId: z.string().min(1).max(60),
  closedOn: isoDateSchema,
  result: z.enum(['closed', 'handed_on']),
  note: text('note'),
});

export const closeAccident = z.strictObject({ type: z.literal('CloseAccident'), closedOn: isoDateSchema, summary: text('summary') });

export const accidentOpeningCommandSchema = storableText(receiveAccidentReport);

export const accidentCaseCommandSchema = storableText(
  z.discriminatedUnion('type', [
    triageAccident,
    reportUpward,
    recordFollowUpReport,
    recordLeadBodyAct,
    secureSite,
    formInvestigationTeam,
    recordAccidentEvidence,
    startAppraisal,
    finishAppraisal,
    extendInvestigation,
    submitInvestigationReport,
    recordCollectiveReview,
    recordApproval,
    recordOutcome,
    closeOutcome,
    closeAccident,
  ]),
);

/** The answer of the escalation that carried the report upward: sent by the runner only. */
export const recordReportEscalationOutcome = z.strictObject({
  type: z.literal('RecordEscalationOutcome'),
  escalationId: z.string().min(1),
  outcome: escalationOutcomeSchema,
  decidedOn: isoDateSchema,
});

export type AccidentOpeningCommand = z.infer<typeof accidentOpeningCommandSchema>;
export type AccidentCaseCommand = z.infer<typeof accidentCaseCommandSchema>;
export type AccidentSystemCommand = z.infer<typeof recordReportEscalationOutcome>;
export type AccidentCommand =
  AccidentOpeningCommand | AccidentCaseCommand | AccidentSystemCommand | { type: 'Tick' } | { type: 'RecomputeDeadlines' };
