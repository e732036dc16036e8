import type { z } from 'zod';
import { domainError, isDomainError, type DomainError } from '../shared/domain-error';
import { endOfPeriod } from '../shared/legal-calendar';
import type { IsoDate } from '../shared/iso-date';
import type { PenaltyRuleSet } from '../policy/penalty-rule-set';
import type { decideFiling, extendFilingPeriod, recordEvidence, concludeInvestigation } from './commands';
import { checkActDate, checkRole, checkStage, firstError, rulesOf, type DecideContext } from './decide-context';
import { deadlineAt } from './deadline-factory';
import { extendedFilingDeadline } from './act-periods';
import type { DeadlineRecord } from './deadline-record';
import type { PenaltyEvent } from './events';
import type { PenaltyState } from './state';
import { certificateValidOn, type OfficerCredential } from '../authorization/principal';

const FILING_BY_HEAD = '《市场监督管理行政处罚程序规定》第十八条：由市场监督管理部门负责人决定是否立案';

/** The 90-day decision limit, moved by paused periods and approved extensions (a deadline with history). */
export function decisionDeadline(ctx: DecideContext, rules: PenaltyRuleSet, filedOn: IsoDate, extraDays: number): DeadlineRecord {
  const base = rules.decisionLimit.value;
  const period = { unit: base.unit, count: base.count + extraDays };
  const due = endOfPeriod(ctx.calendar, filedOn, period);
  const note = extraDays > 0 ? `（含不计入期限及经批准延长的 ${extraDays} 日）` : '';
  return deadlineAt(ctx, 'decision', due, `${rules.decisionLimit.source}${note}`, { from: filedOn, period });
}

export function decideExtendFilingPeriod(
  state: PenaltyState,
  cmd: z.infer<typeof extendFilingPeriod>,
  ctx: DecideContext,
): PenaltyEvent[] | DomainError {
  const rules = rulesOf(state, state.openedOn ?? cmd.approvedOn);
  const invalid = firstError(
    checkStage(state, ['lead'], cmd.type),
    checkRole(ctx, ['bureau_head'], '延长立案期限', rules.filingExtension.source),
    checkActDate(state, ctx, cmd.approvedOn, '批准延长'),
    state.filingExtended
      ? domainError('ALREADY_EXTENDED', `立案期限已延长过一次（${rules.filingExtension.source}）/ the filing period was already extended`)
      : null,
  );
  if (invalid) return invalid;
  const current = state.deadlines['filing_decision'];
  if (!current) return domainError('NO_FILING_DEADLINE', '没有正在进行的立案期限 / no filing period is running');
  const extended = extendedFilingDeadline(ctx, rules, { date: current.due, provisional: current.provisional });
  return [
    {
      type: 'FilingPeriodExtended',
      payload: { approvedOn: cmd.approvedOn, reason: cmd.reason, deadlines: { set: [extended], clear: [] } },
    },
  ];
}

export function decideDecideFiling(
  state: PenaltyState,
  cmd: z.infer<typeof decideFiling>,
  ctx: DecideContext,
): PenaltyEvent[] | DomainError {
  const rules = rulesOf(state, cmd.decidedOn);
  const invalid = firstError(
    checkStage(state, ['lead'], cmd.type),
    checkRole(ctx, ['bureau_head'], '立案决定', FILING_BY_HEAD),
    checkActDate(state, ctx, cmd.decidedOn, '立案决定'),
  );
  if (invalid) return invalid;
  if (cmd.decision === 'not_file') {
    return [
      {
        type: 'FilingDeclined',
        payload: { decidedOn: cmd.decidedOn, reason: cmd.reason, deadlines: { set: [], clear: ['filing_decision'] } },
      },
      { type: 'CaseClosed', payload: { closedOn: cmd.decidedOn, outcome: 'not_filed', overpaidFen: 0 } },
    ];
  }
  const payload = {
    filedOn: cmd.decidedOn,
    reason: cmd.reason,
    deadlines: { set: [decisionDeadline(ctx, rules, cmd.decidedOn, 0)], clear: ['filing_decision'] },
  };
  if (ctx.compat?.filingWithoutHandlers === true) return [{ type: 'CaseFiled', payload }];
  const handlers = certifiedTeam(cmd.handlerIds ?? [], cmd.handlers, cmd.decidedOn, '立案日', '立案须指定两名以上办案人员');
  if (isDomainError(handlers)) return handlers;
  return [{ type: 'CaseFiled', payload: { ...payload, handlers } }];
}

const TWO_OFFICERS = '《行政处罚法》第四十二条、第五十五条';

/**
 * Two or more distinct officers, each with an enabled account and an 执法证 valid on the day: the team of an
 * investigative act (or of the case, designated at filing), with the certificate numbers to record.
 */
function certifiedTeam(
  ids: readonly string[],
  officers: readonly OfficerCredential[] | undefined,
  on: IsoDate,
  dayLabel: string,
  requirement: string,
): { officerId: string; number: string }[] | DomainError {
  const officerIds = [...new Set(ids)];
  const tooFew = twoDistinctProblem(ids, requirement);
  if (tooFew) return tooFew;
  if (officers === undefined)
    return domainError('OFFICER_CREDENTIALS_MISSING', '缺少执法人员的执法证信息 / the officers’ certificates were not attached');
  const problem = certificateProblem(officerIds, officers, on, dayLabel);
  if (problem) return problem;
  return officerIds.map((id) => ({ officerId: id, number: officers.find((o) => o.id === id)?.certificate?.number ?? '' }));
}

/** The law's first requirement on any team: two or more distinct officers (行政处罚法 第四十二条). */
function twoDistinctProblem(ids: readonly string[], requirement: string): DomainError | null {
  const distinct = new Set(ids).size;
  return distinct < 2
    ? domainError(
        'TWO_OFFICERS_REQUIRED',
        `${requirement}（${TWO_OFFICERS}），本次只有 ${distinct} 名 / at least two distinct officers are required`,
        { officerIds: ids },
      )
    : null;
}

/** Each named officer must hold an 执法证 valid on the day of the act. */
function certificateProblem(
  officerIds: readonly string[],
  officers: readonly OfficerCredential[],
  on: IsoDate,
  dayLabel: string,
): DomainError | null {
  const unknown = officerIds.filter((id) => !officers.some((o) => o.id === id));
  if (unknown.length > 0) {
    return domainError(
      'OFFICER_UNKNOWN',
      `没有可用的执法人员账户（不存在或已停用）：${unknown.join('、')} / no enabled officer account: ${unknown.join(', ')}`,
      {
        unknown,
      },
    );
  }
  const invalid = officers.filter((o) => officerIds.includes(o.id) && !certificateValidOn(o.certificate, on));
  if (invalid.length === 0) return null;
  const described = invalid.map((o) =>
    o.certificate
      ? `${o.name || o.id}（执法证 ${o.certificate.number}，有效期 ${o.certificate.validFrom}–${o.certificate.validTo}）`
      : `${o.name || o.id}（无执法证）`,
  );
  return domainError(
    'OFFICER_CERTIFICATE_NOT_VALID',
    `${dayLabel} ${on} 以下人员无有效执法证：${described.join('、')}（${TWO_OFFICERS}）/ on ${on} these officers hold no valid enforcement certificate: ${invalid.map((o) => o.id).join(', ')}`,
    { on, officers: invalid.map((o) => ({ id: o.id, certificate: o.certificate })) },
  );
}

/** domain.md §2: investigations and evidence need at least two distinct officers holding valid certificates. */
export function decideRecordEvidence(
  state: PenaltyState,
  cmd: z.infer<typeof recordEvidence>,
  ctx: DecideContext,
): PenaltyEvent[] | DomainError {
  const officerIds = [...new Set(cmd.officerIds)];
  const invalid = firstError(checkStage(state, ['investigation'], cmd.type), checkActDate(state, ctx, cmd.collectedOn, '取证'));
  if (invalid) return invalid;
  const payload = { kind: cmd.kind, collectedOn: cmd.collectedOn, officerIds, description: cmd.description };
  const requirement = '调查取证须有两名以上执法人员';
  // recorded before certificates were checked: two distinct officer ids were enough
  if (ctx.compat?.evidenceWithoutCertificates === true)
    return twoDistinctProblem(cmd.officerIds, requirement) ?? [{ type: 'EvidenceRecorded', payload }];
  const certificates = certifiedTeam(cmd.officerIds, cmd.officers, cmd.collectedOn, '取证日', requirement);
  if (isDomainError(certificates)) return certificates;
  return [{ type: 'EvidenceRecorded', payload: { ...payload, certificates } }];
}

export function decideConcludeInvestigation(
  state: PenaltyState,
  cmd: z.infer<typeof concludeInvestigation>,
  ctx: DecideContext,
): PenaltyEvent[] | DomainError {
  const invalid = firstError(
    checkStage(state, ['investigation'], cmd.type),
    checkActDate(state, ctx, cmd.concludedOn, '调查终结'),
    state.evidence.length === 0 ? domainError('NO_EVIDENCE', '尚无证据记录，不能终结调查 / no evidence has been recorded') : null,
    state.investigationConcludedOn ? domainError('ALREADY_CONCLUDED', '调查已终结 / the investigation is already concluded') : null,
  );
  if (invalid) return invalid;
  return [{ type: 'InvestigationConcluded', payload: { concludedOn: cmd.concludedOn, findings: cmd.findings } }];
}
