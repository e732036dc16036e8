import { z } from 'zod';
import { storableText } from '../shared/storable-text';
import { isoDateSchema } from '../shared/iso-date';
import { officerCredentialSchema } from '../authorization/principal';
import { equipmentSchema } from './equipment';

const officerIds = z.array(z.string().min(1)).min(1);
/** the named inspectors' certificates, looked up by the API from the accounts; whatever a client sends is replaced */
const inspectors = z.array(officerCredentialSchema).optional();

/** The unit's responsible person signs the record, or the inspectors record the refusal (办法 第二十七条). */
export const unitSignatureSchema = z.discriminatedUnion('signed', [
  z.strictObject({ signed: z.literal(true), signedBy: z.string().min(1).max(100) }),
  z.strictObject({ signed: z.literal(false), refusalNote: z.string().min(1).max(2000) }),
]);

/** What was found: an ordinary violation or hazard, or a serious one (办法 第二十四、二十五条). */
export const severitySchema = z.enum(['ordinary', 'serious_hazard', 'major_violation']);
export type Severity = z.infer<typeof severitySchema>;

const findingFields = {
  /** the owning section, named like every opening command: always 特种设备安全监察科 (the process’s sectionOf) */
  section: z.literal('special_equipment'),
  equipment: equipmentSchema,
  inspectorIds: officerIds,
  inspectors,
  findings: z.string().min(1, 'findings are required').max(8000),
  severity: severitySchema,
  unitSignature: unitSignatureSchema,
};

/** 监督检查: ≥2 certified inspectors find a violation or hazard (normal path). */
export const recordInspection = z.strictObject({
  type: z.literal('RecordInspection'),
  inspectedOn: isoDateSchema,
  ...findingFields,
});

/** 现场紧急处置: the inspectors ordered emergency measures on the spot; the written directive follows (随后补发). */
export const recordEmergencyOrder = z.strictObject({
  type: z.literal('RecordEmergencyOrder'),
  orderedOn: isoDateSchema,
  /** the instant the measures were ordered (ISO 8601 with offset); its Shanghai date is orderedOn */
  orderedAt: z.iso.datetime({ offset: true }),
  place: z.string().min(1).max(200),
  /** what was ordered (e.g. 立即停止使用, 疏散, 切断电源) */
  measures: z.string().min(1, 'the measures ordered are required').max(4000),
  ...findingFields,
});

/** 特种设备安全监察指令（书面）: items, legal basis, rectification deadline, and how it was served. */
export const issueWrittenDirective = z.strictObject({
  type: z.literal('IssueWrittenDirective'),
  directiveNo: z.string().min(1).max(60),
  issuedOn: isoDateSchema,
  items: z
    .array(z.strictObject({ problem: z.string().min(1).max(2000), measure: z.string().min(1).max(2000) }))
    .min(1, 'at least one item'),
  legalBasis: z.string().min(1).max(2000),
  rectifyBy: isoDateSchema,
  service: z.discriminatedUnion('method', [
    z.strictObject({ method: z.literal('direct'), receivedBy: z.string().min(1).max(100), servedOn: isoDateSchema }),
    /** 留置送达: the unit refused to sign for it; the refusal and the witnesses are recorded */
    z.strictObject({
      method: z.literal('refused_left_on_premises'),
      servedOn: isoDateSchema,
      refusalNote: z.string().min(1).max(2000),
      witnesses: z.array(z.string().min(1).max(100)).min(1),
    }),
  ]),
});

/** The unit reports its rectification (整改报告). */
export const recordRectificationReport = z.strictObject({
  type: z.literal('RecordRectificationReport'),
  reportedOn: isoDateSchema,
  summary: z.string().min(1).max(8000),
});

/** 复查: on site or on documents, by ≥2 certified inspectors. */
export const recordReinspection = z.strictObject({
  type: z.literal('RecordReinspection'),
  reinspectedOn: isoDateSchema,
  mode: z.enum(['on_site', 'documents']),
  inspectorIds: officerIds,
  inspectors,
  result: z.enum(['rectified', 'not_rectified']),
  findings: z.string().min(1).max(8000),
});

/** 拒不执行安全监察指令: not rectified by the deadline, or the re-inspection found it not rectified. */
export const recordDirectiveRefusal = z.strictObject({
  type: z.literal('RecordDirectiveRefusal'),
  refusedOn: isoDateSchema,
  facts: z.string().min(1).max(8000),
});

/**
 * The penalty case for the refusal or the violation (案件查办), linked to this directive: an existing case by its id,
 * or, without one, a new case the directive opens itself (a lead for 执法稽查科 against the user unit, naming the
 * directive), a child process that links back.
 */
export const linkPenaltyCase = z.strictObject({
  type: z.literal('LinkPenaltyCase'),
  penaltyCaseId: z.string().min(1).max(80).optional(),
  linkedOn: isoDateSchema,
});

/** 查封、扣押 of the equipment (办法 第二十四、二十五条; 行政强制法 第二十五条). */
export const sealEquipment = z.strictObject({
  type: z.literal('SealEquipment'),
  sealedOn: isoDateSchema,
  measure: z.enum(['seal', 'seize']),
  decisionNo: z.string().min(1).max(60),
  reason: z.string().min(1).max(4000),
});

/** The bureau head extends the seal (≤30 days, 行政强制法 第二十五条). */
export const extendSeal = z.strictObject({
  type: z.literal('ExtendSeal'),
  approvedOn: isoDateSchema,
  days: z.number().int().positive(),
  reason: z.string().min(1).max(4000),
});

export const releaseSeal = z.strictObject({
  type: z.literal('ReleaseSeal'),
  releasedOn: isoDateSchema,
  reason: z.string().min(1).max(4000),
});

/** 上报: to the next-higher department (as a child escalation), and in writing to the district government. */
export const reportSeriousHazard = z.strictObject({
  type: z.literal('ReportSeriousHazard'),
  reportedOn: isoDateSchema,
  summary: z.string().min(1).max(8000),
  /** the written report's number to 区人民政府 */
  districtGovernmentReportNo: z.string().min(1).max(60),
});

/** Closing otherwise than by a rectified re-inspection (e.g. the equipment was scrapped and deregistered). */
export const closeDirective = z.strictObject({
  type: z.literal('CloseDirective'),
  closedOn: isoDateSchema,
  reason: z.string().min(1).max(4000),
});

/** The escalation this case started was answered. System only (the runner). */
export const recordDirectiveEscalationOutcome = z.strictObject({
  type: z.literal('RecordEscalationOutcome'),
  escalationId: z.string().min(1),
  outcome: z.string().min(1),
  decidedOn: isoDateSchema,
});

export const directiveOpeningCommandSchema = storableText(z.discriminatedUnion('type', [recordInspection, recordEmergencyOrder]));

export const directiveCaseCommandSchema = storableText(
  z.discriminatedUnion('type', [
    issueWrittenDirective,
    recordRectificationReport,
    recordReinspection,
    recordDirectiveRefusal,
    linkPenaltyCase,
    sealEquipment,
    extendSeal,
    releaseSeal,
    reportSeriousHazard,
    closeDirective,
  ]),
);

export type DirectiveOpeningCommand = z.infer<typeof directiveOpeningCommandSchema>;
export type DirectiveCaseCommand = z.infer<typeof directiveCaseCommandSchema>;
export type DirectiveSystemCommand = z.infer<typeof recordDirectiveEscalationOutcome>;
export type DirectiveCommand =
  DirectiveOpeningCommand | DirectiveCaseCommand | DirectiveSystemCommand | { type: 'Tick' } | { type: 'RecomputeDeadlines' };
