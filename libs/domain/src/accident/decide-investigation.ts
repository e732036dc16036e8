import type { z } from 'zod';
import { daysBetween } from '../shared/iso-date';
import { domainError, type DomainError } from '../shared/domain-error';
import { certificateValidOn } from '../authorization/principal';
import { checkActDate, checkRole, firstError, type DecideContext } from '../shared/decide-guards';
import type { AccidentRuleSet } from '../policy/accident-rules';
import type {
  extendInvestigation,
  finishAppraisal,
  formInvestigationTeam,
  recordAccidentEvidence,
  recordApproval,
  recordCollectiveReview,
  secureSite,
  startAppraisal,
  submitInvestigationReport,
} from './commands';
import type { AccidentEvent } from './events';
import { APPROVAL_DEADLINE, approvalDeadline, INVESTIGATION_DEADLINE, investigationDeadline } from './deadlines';
import { checkDistrictLeads, checkInstant, checkStage } from './guards';
import type { AccidentState } from './state';

type Result = AccidentEvent[] | DomainError;

const TEAM_RULE = '《生产安全事故报告和调查处理条例》第二十二条（事故调查组）；《行政处罚法》第四十二条（执法人员不得少于两人）';

function rulesOf(state: AccidentState): AccidentRuleSet {
  if (!state.rules) throw new Error('accident has no rule set');
  return state.rules;
}

function deadlineNow(state: AccidentState, ctx: DecideContext, extraExtension = 0) {
  return investigationDeadline(
    ctx.calendar,
    rulesOf(state),
    state.occurredOn ?? '',
    state.pausedDays,
    state.extensionDays + extraExtension,
  );
}

export function decideSecureSite(state: AccidentState, cmd: z.infer<typeof secureSite>, ctx: DecideContext): Result {
  const invalid = firstError(
    checkDistrictLeads(state, cmd.type),
    checkStage(state, ['investigating'], cmd.type),
    state.siteSecured ? domainError('SITE_ALREADY_SECURED', '现场已保护 / the site is already secured') : null,
    checkInstant(ctx, cmd.securedAt, '现场保护'),
  );
  return invalid ?? [{ type: 'SiteSecured', payload: { securedAt: cmd.securedAt, measures: cmd.measures } }];
}

/** 调查组: two or more distinct officers, each holding an enforcement certificate valid on the day. */
export function decideFormTeam(state: AccidentState, cmd: z.infer<typeof formInvestigationTeam>, ctx: DecideContext): Result {
  const ids = [...new Set(cmd.officerIds)];
  const officers = cmd.officers ?? [];
  const unknown = ids.filter((id) => !officers.some((o) => o.id === id));
  const invalidCert = officers.filter((o) => ids.includes(o.id) && !certificateValidOn(o.certificate, cmd.formedOn));
  const invalid = firstError(
    checkDistrictLeads(state, cmd.type),
    checkStage(state, ['investigating'], cmd.type),
    checkActDate(state, ctx, cmd.formedOn, '组成调查组'),
    ids.length < 2
      ? domainError('TEAM_TOO_SMALL', `事故调查组须有两名以上执法人员（${TEAM_RULE}）/ the team needs at least two officers`, {
          officers: ids,
        })
      : null,
    unknown.length > 0
      ? domainError(
          'OFFICER_UNKNOWN',
          `没有可用的执法人员账户：${unknown.join('、')} / no enabled officer account: ${unknown.join(', ')}`,
          { unknown },
        )
      : null,
    invalidCert.length > 0
      ? domainError(
          'OFFICER_CERTIFICATE_NOT_VALID',
          `${cmd.formedOn} 以下人员无有效执法证：${invalidCert.map((o) => o.name || o.id).join('、')}（${TEAM_RULE}）/ these officers hold no valid certificate`,
          { officers: invalidCert.map((o) => o.id) },
        )
      : null,
  );
  if (invalid) return invalid;
  const certificates = officers.filter((o) => ids.includes(o.id));
  return [{ type: 'InvestigationTeamFormed', payload: { formedOn: cmd.formedOn, officerIds: ids, certificates } }];
}

function checkTeam(state: AccidentState): DomainError | null {
  return state.team.length >= 2
    ? null
    : domainError('TEAM_REQUIRED', `须先组成事故调查组（${TEAM_RULE}）/ form the investigation team first`);
}

export function decideEvidence(state: AccidentState, cmd: z.infer<typeof recordAccidentEvidence>, ctx: DecideContext): Result {
  const invalid = firstError(
    checkDistrictLeads(state, cmd.type),
    checkStage(state, ['investigating', 'appraisal'], cmd.type),
    checkTeam(state),
    checkActDate(state, ctx, cmd.collectedOn, '取证'),
  );
  return invalid ?? [{ type: 'AccidentEvidenceRecorded', payload: { collectedOn: cmd.collectedOn, description: cmd.description } }];
}

/** 技术鉴定 / 损失评估: the investigation period stops (第二十七条), its deadline is taken off until the result arrives. */
export function decideStartAppraisal(state: AccidentState, cmd: z.infer<typeof startAppraisal>, ctx: DecideContext): Result {
  const invalid = firstError(
    checkDistrictLeads(state, cmd.type),
    checkStage(state, ['investigating'], cmd.type),
    checkTeam(state),
    checkActDate(state, ctx, cmd.startedOn, '委托鉴定'),
  );
  if (invalid) return invalid;
  return [
    {
      type: 'AppraisalStarted',
      payload: {
        startedOn: cmd.startedOn,
        appraisal: cmd.appraisal,
        agency: cmd.agency,
        deadlines: { set: [], clear: [INVESTIGATION_DEADLINE.kind] },
      },
    },
  ];
}

export function decideFinishAppraisal(state: AccidentState, cmd: z.infer<typeof finishAppraisal>, ctx: DecideContext): Result {
  const invalid = firstError(checkStage(state, ['appraisal'], cmd.type), checkActDate(state, ctx, cmd.finishedOn, '鉴定完成'));
  if (invalid || !state.appraisal) return invalid ?? domainError('NO_APPRAISAL', '没有进行中的鉴定 / no appraisal running');
  const pausedDays = daysBetween(state.appraisal.startedOn, cmd.finishedOn);
  const deadline = investigationDeadline(
    ctx.calendar,
    rulesOf(state),
    state.occurredOn ?? '',
    state.pausedDays + pausedDays,
    state.extensionDays,
  );
  return [
    {
      type: 'AppraisalFinished',
      payload: { finishedOn: cmd.finishedOn, conclusion: cmd.conclusion, pausedDays, deadlines: { set: [deadline], clear: [] } },
    },
  ];
}

/** 延长调查期限: approved by the government that leads, at most 60 days in all (第二十九条). */
export function decideExtend(state: AccidentState, cmd: z.infer<typeof extendInvestigation>, ctx: DecideContext): Result {
  const rules = rulesOf(state);
  const max = rules.maxExtension.value.count;
  const invalid = firstError(
    checkDistrictLeads(state, cmd.type),
    checkStage(state, ['investigating', 'appraisal'], cmd.type),
    checkRole(ctx, ['bureau_head'], cmd.type, rules.maxExtension.source),
    checkActDate(state, ctx, cmd.approvedOn, '批准延期'),
    state.extensionDays + cmd.days > max
      ? domainError(
          'EXTENSION_TOO_LONG',
          `调查期限延长累计不得超过 ${max} 日（已延长 ${state.extensionDays} 日）（${rules.maxExtension.source}）/ extensions may not exceed ${max} days in all`,
          { already: state.extensionDays, asked: cmd.days, max },
        )
      : null,
  );
  if (invalid) return invalid;
  const set = state.appraisal ? [] : [deadlineNow(state, ctx, cmd.days)];
  return [
    {
      type: 'InvestigationExtended',
      payload: {
        approvedOn: cmd.approvedOn,
        approvedBy: cmd.approvedBy,
        days: cmd.days,
        reason: cmd.reason,
        deadlines: { set, clear: [] },
      },
    },
  ];
}

/** 事故调查报告: cause, liability, rectification opinions; only after the site, the team and evidence. */
export function decideSubmitReport(state: AccidentState, cmd: z.infer<typeof submitInvestigationReport>, ctx: DecideContext): Result {
  const invalid = firstError(
    checkDistrictLeads(state, cmd.type),
    checkStage(state, ['investigating'], cmd.type),
    state.siteSecured ? null : domainError('SITE_NOT_SECURED', '尚未登记现场保护 / the site was never recorded as secured'),
    checkTeam(state),
    state.evidence > 0 ? null : domainError('NO_EVIDENCE', '尚无调查取证记录 / no evidence recorded'),
    checkActDate(state, ctx, cmd.submittedOn, '提交报告'),
  );
  if (invalid) return invalid;
  const due = state.deadlines[INVESTIGATION_DEADLINE.kind]?.due;
  return [
    {
      type: 'InvestigationReportSubmitted',
      payload: {
        submittedOn: cmd.submittedOn,
        cause: cmd.cause,
        liabilities: cmd.liabilities,
        rectificationOpinions: cmd.rectificationOpinions,
        late: due !== undefined && cmd.submittedOn > due,
        deadlines: { set: [], clear: [INVESTIGATION_DEADLINE.kind] },
      },
    },
  ];
}

/** 集体审议: passed → the report goes to the government, whose 15 days start; returned → the investigation resumes. */
export function decideCollectiveReview(state: AccidentState, cmd: z.infer<typeof recordCollectiveReview>, ctx: DecideContext): Result {
  const invalid = firstError(
    checkStage(state, ['collective_review'], cmd.type),
    checkRole(ctx, ['section_chief', 'bureau_head'], cmd.type, '本局规定：事故调查报告经局务会集体审议'),
    checkActDate(state, ctx, cmd.reviewedOn, '集体审议'),
  );
  if (invalid) return invalid;
  const set = cmd.conclusion === 'passed' ? [approvalDeadline(ctx.calendar, rulesOf(state), cmd.reviewedOn)] : [deadlineNow(state, ctx)];
  return [
    {
      type: 'CollectiveReviewRecorded',
      payload: { reviewedOn: cmd.reviewedOn, conclusion: cmd.conclusion, minutes: cmd.minutes, deadlines: { set, clear: [] } },
    },
  ];
}

/** 批复 by the district government (第三十二条). */
export function decideApproval(state: AccidentState, cmd: z.infer<typeof recordApproval>, ctx: DecideContext): Result {
  const invalid = firstError(checkStage(state, ['awaiting_approval'], cmd.type), checkActDate(state, ctx, cmd.approvedOn, '批复'));
  if (invalid) return invalid;
  return [
    {
      type: 'InvestigationReportApproved',
      payload: {
        approvedOn: cmd.approvedOn,
        approvedBy: cmd.approvedBy,
        reference: cmd.reference,
        deadlines: { set: [], clear: [APPROVAL_DEADLINE.kind] },
      },
    },
  ];
}
