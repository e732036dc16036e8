import type { z } from 'zod';
import { addDays, daysBetween } from '../shared/iso-date';
import { domainError, isDomainError, type DomainError } from '../shared/domain-error';
import { checkActDate, checkNotYetOpen, checkRole, firstError, type DecideContext } from '../shared/decide-guards';
import {
  authorityFor,
  gradeOf,
  NOT_AN_ACCIDENT_GROUNDS,
  NOT_AN_ACCIDENT_SOURCE,
  resolveAccidentRules,
  type AccidentRuleSet,
  type GradeFacts,
} from '../policy/accident-rules';
import type {
  AccidentSystemCommand,
  receiveAccidentReport,
  recordFollowUpReport,
  recordLeadBodyAct,
  reportUpward,
  triageAccident,
} from './commands';
import type { AccidentEvent } from './events';
import { hourLimitKind, reportHourLimit } from './hour-limits';
import { investigationDeadline } from './deadlines';
import { ACCIDENT, checkInstant, checkStage, dayOf, RECORDERS } from './guards';
import type { AccidentState } from './state';

type Result = AccidentEvent[] | DomainError;

const HOUR = 3600_000;

export function reportEscalationId(caseId: string): string {
  return `${caseId}-UP`;
}

function rulesOf(state: AccidentState): AccidentRuleSet {
  if (!state.rules) throw new Error('accident has no rule set: it was never opened');
  return state.rules;
}

function factsOf(
  state: Pick<AccidentState, 'casualties' | 'directLossYuan' | 'evacuated'>,
  events: GradeFacts['equipmentEvents'],
): GradeFacts {
  return {
    deaths: state.casualties.deaths,
    seriousInjuries: state.casualties.seriousInjuries,
    directLossYuan: state.directLossYuan,
    evacuated: state.evacuated,
    equipmentEvents: events,
  };
}

/**
 * 接报: recorded with the hour limits of the reports upward it sets running (生产安全事故报告和调查处理条例 第十条: to the
 * level's government and up to the level the grade reaches; 第十一条: 2 hours a level; 特种设备安全法 第七十条第二款).
 */
export function decideReceive(state: AccidentState, cmd: z.infer<typeof receiveAccidentReport>, ctx: DecideContext): Result {
  const invalid = firstError(
    checkNotYetOpen(state.phase !== 'none', ACCIDENT),
    checkRole(ctx, [...RECORDERS, 'system'], cmd.type, '接报登记 / registering a report'),
    checkInstant(ctx, cmd.receivedAt, '接报'),
    Date.parse(cmd.occurredAt) > Date.parse(cmd.receivedAt)
      ? domainError(
          'OCCURRED_AFTER_RECEIVED',
          `事故发生时间 ${cmd.occurredAt} 晚于接报时间 ${cmd.receivedAt} / the accident cannot happen after it was reported`,
        )
      : null,
    cmd.kind === 'special_equipment' && !cmd.equipment
      ? domainError('EQUIPMENT_REQUIRED', '特种设备事故须登记设备使用登记证编号 / a special-equipment accident names the equipment')
      : null,
    cmd.kind !== 'special_equipment' && !cmd.product
      ? domainError('PRODUCT_REQUIRED', '产品质量、食品相关产品事故须登记产品 / a product accident names the product')
      : null,
  );
  if (invalid) return invalid;
  const receivedOn = dayOf(cmd.receivedAt);
  const rules = resolveAccidentRules(receivedOn);
  if (isDomainError(rules)) return rules;
  const { type: _type, ...report } = cmd;
  const owed =
    cmd.kind === 'special_equipment' ? (['district_government', 'superior_department'] as const) : (['district_government'] as const);
  return [
    {
      type: 'AccidentReportReceived',
      payload: {
        ...report,
        occurredOn: dayOf(cmd.occurredAt),
        receivedOn,
        unitReportLate: Date.parse(cmd.receivedAt) - Date.parse(cmd.occurredAt) > rules.unitReportHours.value * HOUR,
        rules: rules as unknown as Record<string, unknown>,
        hourLimits: { set: owed.map((to) => reportHourLimit(rules, to, cmd.receivedAt)), clear: [] },
      },
    },
  ];
}

/** 事故界定: not an accident (closed, naming the ground of 第三条), or graded with who leads. */
export function decideTriage(state: AccidentState, cmd: z.infer<typeof triageAccident>, ctx: DecideContext): Result {
  const invalid = firstError(checkStage(state, ['awaiting_triage'], cmd.type), checkActDate(state, ctx, cmd.triagedOn, '界定'));
  if (invalid) return invalid;
  if (cmd.decision === 'not_an_accident') {
    if (state.kind === 'special_equipment' && !cmd.ground)
      return domainError(
        'GROUND_REQUIRED',
        `认定不属于特种设备事故须注明${NOT_AN_ACCIDENT_SOURCE}所列情形 / name the ground of Order 50 article 3`,
        { grounds: Object.keys(NOT_AN_ACCIDENT_GROUNDS) },
      );
    const ground = cmd.ground
      ? { ground: cmd.ground, groundSource: `${NOT_AN_ACCIDENT_SOURCE}：${NOT_AN_ACCIDENT_GROUNDS[cmd.ground]}` }
      : {};
    return [
      { type: 'AccidentTriaged', payload: { triagedOn: cmd.triagedOn, decision: cmd.decision, reasons: cmd.reasons, ...ground } },
      {
        type: 'AccidentClosed',
        payload: {
          closedOn: cmd.triagedOn,
          outcome: 'not_an_accident',
          summary: cmd.reasons,
          hourLimits: { set: [], clear: Object.keys(state.hourLimits) },
        },
      },
    ];
  }
  const graded = gradeOf(state.kind, factsOf(state, state.equipmentEvents));
  if (!graded)
    return domainError(
      'BELOW_ACCIDENT_THRESHOLD',
      `所报情况未达到一般事故标准（${state.kind === 'special_equipment' ? '《特种设备安全监察条例》第六十四条' : '参照《生产安全事故报告和调查处理条例》第三条'}），不能界定为事故 / the facts do not reach the lowest grade`,
    );
  const authority = authorityFor(state.kind, graded.grade);
  const rules = rulesOf(state);
  const superior = hourLimitKind('superior_department');
  const owesSuperior =
    authority.lead !== 'district_bureau' && !state.hourLimits[superior] && !state.reports.some((r) => r.to === 'superior_department');
  const leads = authority.lead === 'district_bureau';
  return [
    {
      type: 'AccidentTriaged',
      payload: {
        triagedOn: cmd.triagedOn,
        decision: 'accident',
        reasons: cmd.reasons,
        grade: graded.grade,
        gradeSource: graded.source,
        lead: authority.lead,
        leadSource: authority.source,
        hourLimits: { set: owesSuperior ? [reportHourLimit(rules, 'superior_department', state.receivedAt)] : [], clear: [] },
        deadlines: {
          set: leads && state.occurredOn ? [investigationDeadline(ctx.calendar, rules, state.occurredOn, 0, 0)] : [],
          clear: [],
        },
      },
    },
  ];
}

/** 上报: the district government, or the superior department (the written report goes up as a child escalation). */
export function decideReportUpward(state: AccidentState, cmd: z.infer<typeof reportUpward>, ctx: DecideContext): Result {
  const kind = hourLimitKind(cmd.to);
  const limit = state.hourLimits[kind];
  const invalid = firstError(
    checkStage(state, ['awaiting_triage', 'reporting_upward'], cmd.type),
    checkInstant(ctx, cmd.reportedAt, '上报'),
    Date.parse(cmd.reportedAt) < Date.parse(state.receivedAt)
      ? domainError('REPORTED_BEFORE_RECEIVED', `上报时间早于接报时间 ${state.receivedAt} / reported before the bureau received the report`)
      : null,
    limit
      ? null
      : domainError(
          'REPORT_NOT_OWED',
          `本事故无须或已经${cmd.to === 'district_government' ? '向区人民政府报告' : '向上一级部门上报'} / this report is not owed (already made or not required)`,
        ),
  );
  if (invalid) return invalid;
  const late = limit ? Date.parse(cmd.reportedAt) > Date.parse(limit.dueAt) : false;
  const escalation = cmd.to === 'superior_department' && ctx.caseId ? { escalationId: reportEscalationId(ctx.caseId) } : {};
  return [
    {
      type: 'AccidentReportedUpward',
      payload: {
        to: cmd.to,
        reportedAt: cmd.reportedAt,
        reportedBy: cmd.reportedBy,
        content: cmd.content,
        late,
        ...escalation,
        hourLimits: { set: [], clear: [kind] },
      },
    },
  ];
}

/** 补报 (条例 第十三条第二款): casualties changed within 30 days of the accident; the grade is read again from the new facts. */
export function decideFollowUp(state: AccidentState, cmd: z.infer<typeof recordFollowUpReport>, ctx: DecideContext): Result {
  const rules = rulesOf(state);
  const on = dayOf(cmd.reportedAt);
  const windowEnds = state.occurredOn ? addDays(state.occurredOn, rules.followUpWindow.value.count) : on;
  const minor = cmd.casualties.minorInjuries ?? 0;
  const unchanged =
    cmd.casualties.deaths === state.casualties.deaths &&
    cmd.casualties.seriousInjuries === state.casualties.seriousInjuries &&
    minor === state.casualties.minorInjuries &&
    (cmd.directLossYuan ?? state.directLossYuan) === state.directLossYuan;
  const invalid = firstError(
    checkStage(
      state,
      ['reporting_upward', 'team_member', 'investigating', 'appraisal', 'collective_review', 'awaiting_approval', 'outcomes'],
      cmd.type,
    ),
    checkInstant(ctx, cmd.reportedAt, '补报'),
    on > windowEnds
      ? domainError(
          'FOLLOW_UP_WINDOW_PASSED',
          `补报须在事故发生之日起 ${rules.followUpWindow.value.count} 日内（至 ${windowEnds}）（${rules.followUpWindow.source}）/ the follow-up window ended on ${windowEnds}`,
          { windowEnds, daysSince: state.occurredOn ? daysBetween(state.occurredOn, on) : null },
        )
      : null,
    unchanged
      ? domainError('NOTHING_TO_FOLLOW_UP', `伤亡人数和直接经济损失均未变化，无须补报（${rules.followUpWindow.source}）/ nothing changed`)
      : null,
  );
  if (invalid) return invalid;
  const next = {
    casualties: { ...cmd.casualties, minorInjuries: minor },
    directLossYuan: cmd.directLossYuan ?? state.directLossYuan,
    evacuated: state.evacuated,
  };
  const graded = gradeOf(state.kind, factsOf(next, state.equipmentEvents)) ?? {
    grade: state.grade ?? 'general',
    source: state.gradeSource ?? '',
  };
  return [
    {
      type: 'FollowUpReportRecorded',
      payload: {
        reportedAt: cmd.reportedAt,
        casualties: next.casualties,
        ...(cmd.directLossYuan !== undefined ? { directLossYuan: cmd.directLossYuan } : {}),
        note: cmd.note,
        grade: graded.grade,
        gradeSource: graded.source,
        regraded: graded.grade !== state.grade,
      },
    },
  ];
}

/** As a team member: what the lead body asked, found, reported or had approved. */
export function decideLeadBodyAct(state: AccidentState, cmd: z.infer<typeof recordLeadBodyAct>, ctx: DecideContext): Result {
  const invalid = firstError(
    checkStage(state, ['reporting_upward', 'team_member', 'outcomes'], cmd.type),
    state.lead === 'district_bureau'
      ? domainError('DISTRICT_LEADS', '本事故由本局组织调查，请登记本局的调查步骤 / the district leads this investigation itself')
      : null,
    checkActDate(state, ctx, cmd.on, '登记'),
  );
  if (invalid) return invalid;
  return [
    {
      type: 'LeadBodyActRecorded',
      payload: { act: cmd.act, on: cmd.on, ...(cmd.reference ? { reference: cmd.reference } : {}), text: cmd.text },
    },
  ];
}

/**
 * The answer of a child escalation: the report upward, or an outcome the bureau sent (移送公安 / 通报相关部门), which
 * the answer closes: accepted → handed on to that body; declined → closed with the answer on record.
 */
export function decideEscalationAnswer(state: AccidentState, cmd: AccidentSystemCommand): Result {
  const answered: AccidentEvent = {
    type: 'ReportEscalationAnswered',
    payload: { escalationId: cmd.escalationId, outcome: cmd.outcome, decidedOn: cmd.decidedOn },
  };
  if (state.reports.some((r) => r.escalationId === cmd.escalationId)) return [answered];
  const outcome = state.outcomes.find((o) => o.linkedId === cmd.escalationId && o.status === 'open');
  if (!outcome) return domainError('UNKNOWN_ESCALATION', `本事故没有上报或移送 ${cmd.escalationId} / no such escalation`);
  const accepted = cmd.outcome === 'accepted' || cmd.outcome === 'accepted_for_investigation';
  return [
    answered,
    {
      type: 'OutcomeClosed',
      payload: {
        outcomeId: outcome.outcomeId,
        closedOn: cmd.decidedOn,
        result: accepted ? 'handed_on' : 'closed',
        note: accepted ? `对方已接收（${cmd.escalationId}）` : `对方答复：${cmd.outcome}（${cmd.escalationId}）`,
      },
    },
  ];
}
