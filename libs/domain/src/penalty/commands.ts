import { z } from 'zod';
import { storableText } from '../shared/storable-text';
import { isoDateSchema } from '../shared/iso-date';
import { fenSchema } from '../shared/money';
import { sectionSchema } from '../shared/actor';
import { officerCredentialSchema } from '../authorization/principal';

/** The party as events record it (events keep what was accepted when they were written: no newer limits). */
export const partyRecordSchema = z.object({
  kind: z.enum(['citizen', 'organisation']),
  name: z.string().min(1),
  idNumber: z.string().min(1).optional(),
});

export const partySchema = z.strictObject({
  kind: partyRecordSchema.shape.kind,
  name: z.string().min(1, 'party name is required').max(200),
  idNumber: z.string().min(1).max(40).optional(),
});
export type Party = z.infer<typeof partySchema>;

const caseHeader = {
  section: sectionSchema,
  title: z.string().min(1, 'title is required').max(200),
  party: partySchema,
};

/**
 * 追究时效 (行政处罚法 第三十六条): a continuing violation counts from its end; the five-year period applies where
 * life, health or financial safety is involved and there are harmful consequences. Commands recorded before lack them.
 */
const limitationFacts = {
  violationEndedOn: isoDateSchema.optional(),
  endangersLifeHealthOrFinance: z.boolean().optional(),
};

/** 简易程序: decided and served on the spot. */
export const openSummaryCase = z.strictObject({
  type: z.literal('OpenSummaryCase'),
  ...caseHeader,
  violationDate: isoDateSchema,
  ...limitationFacts,
  decidedOn: isoDateSchema,
  provisionId: z.string().min(1),
  penalty: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('warning') }),
    z.strictObject({ kind: z.literal('fine'), fineFen: fenSchema.positive('a fine must be more than zero') }),
  ]),
});

/** 一般程序 starts from a lead (案源). */
export const registerLead = z.strictObject({
  type: z.literal('RegisterLead'),
  ...caseHeader,
  discoveredOn: isoDateSchema,
  leadSource: z.enum(['inspection', 'complaint', 'hotline_12365', 'referral', 'sampling', 'other']),
  summary: z.string().min(1).max(4000),
});

export const extendFilingPeriod = z.strictObject({
  type: z.literal('ExtendFilingPeriod'),
  approvedOn: isoDateSchema,
  reason: z.string().min(1),
});

export const decideFiling = z.strictObject({
  type: z.literal('DecideFiling'),
  decision: z.enum(['file', 'not_file']),
  decidedOn: isoDateSchema,
  reason: z.string().min(1),
  /** 办案人员: the officers (two or more) designated to investigate, when the case is filed */
  handlerIds: z.array(z.string().min(1)).optional(),
  /** their certificates, looked up by the API from the accounts; whatever a client sends is replaced */
  handlers: z.array(officerCredentialSchema).optional(),
});

export const recordEvidence = z.strictObject({
  type: z.literal('RecordEvidence'),
  kind: z.enum(['site_inspection', 'interview', 'records_copy', 'sampling', 'sealing_or_seizure', 'other']),
  collectedOn: isoDateSchema,
  officerIds: z.array(z.string().min(1)).min(1),
  description: z.string().min(1),
  /** the named officers' certificates, looked up by the API from the accounts; whatever a client sends is replaced */
  officers: z.array(officerCredentialSchema).optional(),
});

export const concludeInvestigation = z.strictObject({
  type: z.literal('ConcludeInvestigation'),
  concludedOn: isoDateSchema,
  findings: z.string().min(1),
});

export const requestLegalReview = z.strictObject({ type: z.literal('RequestLegalReview'), requestedOn: isoDateSchema });

export const completeLegalReview = z.strictObject({
  type: z.literal('CompleteLegalReview'),
  completedOn: isoDateSchema,
  opinion: z.enum(['approved', 'returned']),
  comments: z.string().min(1),
});

export const servePenaltyNotice = z.strictObject({
  type: z.literal('ServePenaltyNotice'),
  servedOn: isoDateSchema,
  proposedFineFen: fenSchema,
  proposedMeasures: z.array(z.string().min(1)).default([]),
});

export const recordDefence = z.strictObject({
  type: z.literal('RecordDefence'),
  receivedOn: isoDateSchema,
  waivesRights: z.boolean(),
  statement: z.string().default(''),
});

export const requestHearing = z.strictObject({ type: z.literal('RequestHearing'), requestedOn: isoDateSchema });

export const holdHearing = z.strictObject({
  type: z.literal('HoldHearing'),
  noticeServedOn: isoDateSchema,
  heldOn: isoDateSchema,
  /** 主持人: designated by the bureau, not one of the case's investigators (commands recorded before it lack it) */
  hostId: z.string().min(1, 'name the hearing host (听证主持人)'),
});

export const pauseDecisionClock = z.strictObject({
  type: z.literal('PauseDecisionClock'),
  reason: z.enum(['testing', 'appraisal', 'public_notice', 'other_statutory']),
  from: isoDateSchema,
});

export const resumeDecisionClock = z.strictObject({ type: z.literal('ResumeDecisionClock'), on: isoDateSchema });

export const extendDecisionPeriod = z.strictObject({
  type: z.literal('ExtendDecisionPeriod'),
  approvedOn: isoDateSchema,
  days: z.number().int().positive(),
  reason: z.string().min(1),
});

/** 继续延期 (程序规定 第六十四条): past the head's 30 days, decided collectively, with a reasonable period set. */
export const extendDecisionPeriodCollectively = z.strictObject({
  type: z.literal('ExtendDecisionPeriodCollectively'),
  approvedOn: isoDateSchema,
  days: z.number().int().positive(),
  reason: z.string().min(1),
  minutes: z.string().min(1, 'record the minutes of the collective discussion (集体讨论记录)'),
});

export const recordCommitteeDecision = z.strictObject({
  type: z.literal('RecordCommitteeDecision'),
  decidedOn: isoDateSchema,
  outcome: z.enum(['penalty', 'no_penalty']),
  minutes: z.string().min(1),
});

export const noPenaltyGround = z.enum(['facts_not_established', 'time_barred', 'minor_and_corrected', 'no_fault', 'other']);

export const decidePenalty = z.strictObject({
  type: z.literal('DecidePenalty'),
  decidedOn: isoDateSchema,
  outcome: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('no_penalty'), ground: noPenaltyGround, reason: z.string().min(1) }),
    z.strictObject({
      kind: z.literal('penalty'),
      violationDate: isoDateSchema,
      ...limitationFacts,
      provisionId: z.string().min(1),
      fineFen: fenSchema,
      goodsValueFen: fenSchema.default(0),
      discretion: z.enum(['mitigated', 'lighter', 'general', 'heavier']),
      measures: z.array(z.string().min(1)).default([]),
    }),
  ]),
});

export const serveDecision = z.strictObject({
  type: z.literal('ServeDecision'),
  servedOn: isoDateSchema,
  method: z.enum(['in_person', 'post', 'electronic', 'public_notice', 'left_at_address']),
});

export const recordPayment = z.strictObject({
  type: z.literal('RecordPayment'),
  paidOn: isoDateSchema,
  amountFen: fenSchema.positive('a payment must be more than zero'),
  reference: z.string().min(1),
  channel: z.enum(['officer', 'treasury']),
});

export const approveDeferral = z.strictObject({
  type: z.literal('ApproveDeferral'),
  approvedOn: isoDateSchema,
  newDueOn: isoDateSchema,
  reason: z.string().min(1),
});

export const approveInstalments = z.strictObject({
  type: z.literal('ApproveInstalments'),
  approvedOn: isoDateSchema,
  instalments: z.array(z.strictObject({ dueOn: isoDateSchema, amountFen: fenSchema.positive() })).min(2),
  reason: z.string().min(1),
});

/** 减免加处罚款 (行政强制法 第四十二条): its own decision, by the bureau head. */
export const reduceLateFee = z.strictObject({
  type: z.literal('ReduceLateFee'),
  decidedOn: isoDateSchema,
  reducedFen: fenSchema.positive('a reduction must be more than zero'),
  reason: z.string().min(1),
});

export const serveDemandNotice = z.strictObject({ type: z.literal('ServeDemandNotice'), servedOn: isoDateSchema });

export const applyToCourt = z.strictObject({
  type: z.literal('ApplyToCourt'),
  filedOn: isoDateSchema,
  court: z.string().min(1),
});

export const recordCourtRuling = z.strictObject({
  type: z.literal('RecordCourtRuling'),
  ruledOn: isoDateSchema,
  ruling: z.enum(['enforce', 'refuse']),
  reference: z.string().min(1),
});

/** 涉嫌犯罪的移送公安机关 (行政处罚法 第二十七条): the case waits for the police's answer. */
export const transferToPolice = z.strictObject({
  type: z.literal('TransferToPolice'),
  decidedOn: isoDateSchema,
  grounds: z.string().min(1, 'state why the violation may be a crime'),
});

/** The answer of an escalation this case started, delivered by the workflow (system). */
export const recordEscalationOutcome = z.strictObject({
  type: z.literal('RecordEscalationOutcome'),
  escalationId: z.string().min(1),
  outcome: z.string().min(1),
  decidedOn: isoDateSchema,
});

/** The clock: raises due notices and opens enforcement. Sent by the workflow's timers only. */
export const tick = z.strictObject({ type: z.literal('Tick') });

/** A new calendar arrived (a State Council notice was loaded): provisional deadlines are computed again. System only. */
export const recomputeDeadlines = z.strictObject({ type: z.literal('RecomputeDeadlines') });

export const penaltyOpeningCommandSchema = storableText(z.discriminatedUnion('type', [openSummaryCase, registerLead]));

/** Commands an officer (or an inbound integration) may send to an open case. */
export const penaltyCaseCommandSchema = storableText(
  z.discriminatedUnion('type', [
    extendFilingPeriod,
    decideFiling,
    recordEvidence,
    concludeInvestigation,
    requestLegalReview,
    completeLegalReview,
    servePenaltyNotice,
    recordDefence,
    requestHearing,
    holdHearing,
    pauseDecisionClock,
    resumeDecisionClock,
    extendDecisionPeriod,
    extendDecisionPeriodCollectively,
    recordCommitteeDecision,
    decidePenalty,
    serveDecision,
    recordPayment,
    approveDeferral,
    approveInstalments,
    reduceLateFee,
    serveDemandNotice,
    applyToCourt,
    recordCourtRuling,
    transferToPolice,
  ]),
);

export type PenaltyOpeningCommand = z.infer<typeof penaltyOpeningCommandSchema>;
export type PenaltyCaseCommand = z.infer<typeof penaltyCaseCommandSchema>;
export type PenaltyCommand =
  | PenaltyOpeningCommand
  | PenaltyCaseCommand
  | z.infer<typeof tick>
  | z.infer<typeof recomputeDeadlines>
  | z.infer<typeof recordEscalationOutcome>;
export type PenaltyCommandType = PenaltyCommand['type'];
