import type { z } from 'zod';
import { addDays, daysBetween, type IsoDate } from '../shared/iso-date';
import { domainError, isDomainError, type DomainError } from '../shared/domain-error';
import type { DirectiveRuleSet } from '../policy/directive-rules';
import { deadlinesRecomputed } from '../deadlines/deadline-record';
import {
  caseClosed,
  caseNotFound,
  checkActDate,
  checkRole,
  checkSystemCommand,
  firstError,
  type DecideContext,
} from '../shared/decide-guards';
import type {
  DirectiveCommand,
  closeDirective,
  extendSeal,
  issueWrittenDirective,
  linkPenaltyCase,
  recordDirectiveEscalationOutcome,
  recordDirectiveRefusal,
  recordRectificationReport,
  recordReinspection,
  releaseSeal,
  reportSeriousHazard,
  sealEquipment,
} from './commands';
import { decideDirectiveTick } from './clock';
import { decideOpening } from './decide-opening';
import { DIRECTIVE_DEADLINES, rectificationDeadline, recomputedDirectiveDeadlines, reinspectionDeadline, sealDeadline } from './deadlines';
import type { DirectiveEvent } from './events';
import { certifiedInspectors } from './inspectors';
import { DIRECTIVE_NOUN, INSPECTORS, LAW_62, RECORDERS, REFUSAL, REINSPECT, REPORT_UP, SEAL_TERM, SERIOUS } from './rules-text';
import { sealActive, type DirectiveState } from './state';

type Result = DirectiveEvent[] | DomainError;
const K = DIRECTIVE_DEADLINES;

function rulesOf(state: DirectiveState): DirectiveRuleSet {
  if (!state.rules) throw new Error('directive case has no rule set: it was never opened');
  return state.rules;
}

function refuse(code: string, zh: string, en: string, details?: Record<string, unknown>): DomainError {
  return domainError(code, `${zh} / ${en}`, details);
}

function needsDirective(state: DirectiveState, command: string): DomainError | null {
  return state.directive
    ? null
    : refuse(
        'WRITTEN_DIRECTIVE_MISSING',
        `尚未下达书面安全监察指令，不能 ${command}（${LAW_62}）`,
        `${command} needs the written directive first`,
      );
}

function needsSerious(state: DirectiveState, command: string): DomainError | null {
  return state.severity === 'ordinary'
    ? refuse(
        'NOT_A_SERIOUS_HAZARD',
        `${command} 仅适用于严重事故隐患或重大违法行为（${SERIOUS}）`,
        `${command} applies only to a serious hazard or major violation`,
      )
    : null;
}

/**
 * What closing needs, whatever closes it: an emergency order is never closed without its written directive
 * (特种设备安全法 第六十二条 随后补发), and a seal is released (or decided on) before the case ends.
 */
export function closingProblem(state: DirectiveState): DomainError | null {
  if (state.origin === 'emergency' && !state.directive)
    return refuse(
      'EMERGENCY_ORDER_WITHOUT_WRITTEN_DIRECTIVE',
      `现场紧急处置后未补发书面安全监察指令，不能办结（${LAW_62}：应当随后补发特种设备安全监察指令）`,
      'an emergency order cannot be closed until its written directive is issued',
    );
  if (sealActive(state))
    return refuse(
      'SEAL_NOT_RELEASED',
      `设备仍处于查封扣押中，须先解除或依法处理（${SEAL_TERM}、第二十八条）`,
      'the equipment is still sealed: release it first',
    );
  return null;
}

function closed(
  state: DirectiveState,
  on: IsoDate,
  outcome: 'rectified' | 'referred_to_penalty' | 'closed_otherwise',
  reason: string,
): DirectiveEvent {
  return {
    type: 'DirectiveClosed',
    payload: { closedOn: on, outcome, reason, deadlines: { set: [], clear: Object.keys(state.deadlines) } },
  };
}

/** After the state moved: the case closes by itself once its end is reached and nothing keeps it open. */
function closeIfDone(after: DirectiveState, on: IsoDate): DirectiveEvent[] {
  if (closingProblem(after)) return [];
  if (after.reinspection?.result === 'rectified') return [closed(after, on, 'rectified', '复查合格 / re-inspection found it rectified')];
  if (after.penaltyCaseId)
    return [closed(after, on, 'referred_to_penalty', `已立案查处 ${after.penaltyCaseId} / referred to penalty case`)];
  return [];
}

function decideIssue(state: DirectiveState, cmd: z.infer<typeof issueWrittenDirective>, ctx: DecideContext): Result {
  const invalid = firstError(
    checkRole(ctx, INSPECTORS, cmd.type, LAW_62),
    state.directive
      ? refuse('DIRECTIVE_ALREADY_ISSUED', `已下达书面指令 ${state.directive.directiveNo}`, 'the written directive was already issued')
      : null,
    checkActDate(state, ctx, cmd.issuedOn, '下达指令'),
    cmd.rectifyBy <= cmd.issuedOn
      ? refuse(
          'RECTIFY_BY_NOT_AFTER_ISSUE',
          `整改期限 ${cmd.rectifyBy} 须晚于下达日 ${cmd.issuedOn}（${LAW_62}）`,
          'the rectification deadline must follow the directive',
        )
      : null,
    cmd.service.servedOn < cmd.issuedOn
      ? refuse('SERVED_BEFORE_ISSUE', `送达日 ${cmd.service.servedOn} 早于下达日`, 'served before it was issued')
      : null,
  );
  if (invalid) return invalid;
  const order = state.emergencyOrder;
  const due = state.deadlines[K.writtenDirective.kind];
  const late = order && due && cmd.issuedOn > due.due ? workingDaysLate(ctx, due.due, cmd.issuedOn) : order ? 0 : null;
  return [
    {
      type: 'WrittenDirectiveIssued',
      payload: {
        directiveNo: cmd.directiveNo,
        issuedOn: cmd.issuedOn,
        items: cmd.items,
        legalBasis: cmd.legalBasis,
        rectifyBy: cmd.rectifyBy,
        service: cmd.service,
        emergencyOrder: order ? { orderedOn: order.orderedOn, orderedAt: order.orderedAt } : null,
        lateByWorkingDays: late,
        // the rectification clock starts from the written directive, not from the emergency order
        deadlines: { set: [rectificationDeadline(ctx.calendar, cmd.rectifyBy)], clear: [K.writtenDirective.kind] },
      },
    },
  ];
}

function workingDaysLate(ctx: DecideContext, due: IsoDate, issuedOn: IsoDate): number {
  let n = 0;
  for (let i = 1; i <= daysBetween(due, issuedOn); i += 1) if (ctx.calendar.isWorkingDay(addDays(due, i))) n += 1;
  return n;
}

function decideReport(state: DirectiveState, cmd: z.infer<typeof recordRectificationReport>, ctx: DecideContext): Result {
  const invalid = firstError(
    checkRole(ctx, RECORDERS, cmd.type, '登记整改报告 / recording the report'),
    needsDirective(state, cmd.type),
    state.report ? refuse('REPORT_ALREADY_RECORDED', '整改报告已登记', 'the rectification report is already recorded') : null,
    state.refusal ? refuse('DIRECTIVE_REFUSED', '已认定拒不执行指令', 'the directive was already found refused') : null,
    checkActDate(state, ctx, cmd.reportedOn, '整改报告'),
  );
  if (invalid) return invalid;
  return [
    {
      type: 'RectificationReported',
      payload: {
        reportedOn: cmd.reportedOn,
        summary: cmd.summary,
        deadlines: { set: [reinspectionDeadline(ctx.calendar, rulesOf(state), cmd.reportedOn)], clear: [K.rectification.kind] },
      },
    },
  ];
}

function decideReinspection(state: DirectiveState, cmd: z.infer<typeof recordReinspection>, ctx: DecideContext): Result {
  const invalid = firstError(
    checkRole(ctx, INSPECTORS, cmd.type, REINSPECT),
    state.report
      ? null
      : refuse('NO_RECTIFICATION_REPORT', `复查以整改报告为前提（${REINSPECT}）`, 're-inspection follows the rectification report'),
    state.reinspection ? refuse('ALREADY_REINSPECTED', '已复查', 'already re-inspected') : null,
    checkActDate(state, ctx, cmd.reinspectedOn, '复查'),
  );
  if (invalid) return invalid;
  const inspectors = certifiedInspectors(cmd.inspectorIds, cmd.inspectors, cmd.reinspectedOn, '复查');
  if (isDomainError(inspectors)) return inspectors;
  const event: DirectiveEvent = {
    type: 'Reinspected',
    payload: {
      reinspectedOn: cmd.reinspectedOn,
      mode: cmd.mode,
      inspectors,
      result: cmd.result,
      findings: cmd.findings,
      deadlines: { set: [], clear: [K.reinspection.kind] },
    },
  };
  const after = {
    ...state,
    reinspection: { reinspectedOn: cmd.reinspectedOn, mode: cmd.mode, result: cmd.result, findings: cmd.findings },
  };
  return [event, ...closeIfDone(after, cmd.reinspectedOn)];
}

function decideRefusal(state: DirectiveState, cmd: z.infer<typeof recordDirectiveRefusal>, ctx: DecideContext): Result {
  const directive = state.directive;
  const unrectified =
    state.reinspection?.result === 'not_rectified' || (directive !== null && !state.report && cmd.refusedOn > directive.rectifyBy);
  const invalid = firstError(
    checkRole(ctx, INSPECTORS, cmd.type, REFUSAL),
    needsDirective(state, cmd.type),
    state.refusal ? refuse('DIRECTIVE_REFUSED', '已认定拒不执行指令', 'the refusal is already recorded') : null,
    unrectified
      ? null
      : refuse(
          'NOT_YET_UNRECTIFIED',
          `整改期限届满未整改或复查不合格，方可认定拒不执行安全监察指令（${REFUSAL}）`,
          'a refusal needs the deadline passed without a report, or a failed re-inspection',
          { rectifyBy: directive?.rectifyBy ?? null },
        ),
    checkActDate(state, ctx, cmd.refusedOn, '认定'),
  );
  if (invalid) return invalid;
  const fine = rulesOf(state).refusalFine;
  return [
    {
      type: 'DirectiveRefused',
      payload: {
        refusedOn: cmd.refusedOn,
        facts: cmd.facts,
        fineRange: fine.value,
        legalSource: fine.source,
        deadlines: { set: [], clear: [K.rectification.kind] },
      },
    },
  ];
}

/** The id of the penalty case a directive opens itself: one per directive. */
export function directivePenaltyCaseId(caseId: string): string {
  return `${caseId}-PEN`;
}

function decideLink(state: DirectiveState, cmd: z.infer<typeof linkPenaltyCase>, ctx: DecideContext): Result {
  const invalid = firstError(
    checkRole(ctx, RECORDERS, cmd.type, REFUSAL),
    state.refusal || state.severity !== 'ordinary'
      ? null
      : refuse(
          'NOTHING_TO_PENALISE',
          `须先认定拒不执行指令或重大违法行为（${REFUSAL}、${SERIOUS}）`,
          'record the refusal (or a major violation) first',
        ),
    state.penaltyCaseId ? refuse('PENALTY_ALREADY_LINKED', `已关联案件 ${state.penaltyCaseId}`, 'a penalty case is already linked') : null,
    checkActDate(state, ctx, cmd.linkedOn, '立案关联'),
  );
  if (invalid) return invalid;
  const opened = cmd.penaltyCaseId === undefined;
  const penaltyCaseId = cmd.penaltyCaseId ?? directivePenaltyCaseId(ctx.caseId ?? 'DIRECTIVE');
  const after = { ...state, penaltyCaseId };
  const done = state.refusal ? closeIfDone(after, cmd.linkedOn) : [];
  return [{ type: 'PenaltyCaseLinked', payload: { penaltyCaseId, linkedOn: cmd.linkedOn, ...(opened ? { opened } : {}) } }, ...done];
}

function decideSeal(state: DirectiveState, cmd: z.infer<typeof sealEquipment>, ctx: DecideContext): Result {
  const invalid = firstError(
    checkRole(ctx, INSPECTORS, cmd.type, SERIOUS),
    needsSerious(state, cmd.type),
    state.seal ? refuse('ALREADY_SEALED', `设备已于 ${state.seal.sealedOn} 查封扣押`, 'the equipment was already sealed') : null,
    checkActDate(state, ctx, cmd.sealedOn, '查封扣押'),
  );
  if (invalid) return invalid;
  const rules = rulesOf(state);
  const deadline = sealDeadline(ctx.calendar, rules, cmd.sealedOn, rules.seal.value.count);
  const { sealedOn, measure, decisionNo, reason } = cmd;
  return [
    {
      type: 'EquipmentSealed',
      payload: { sealedOn, measure, decisionNo, reason, expiresOn: deadline.due, deadlines: { set: [deadline], clear: [] } },
    },
  ];
}

function decideExtend(state: DirectiveState, cmd: z.infer<typeof extendSeal>, ctx: DecideContext): Result {
  const seal = state.seal;
  const rules = rulesOf(state);
  const max = rules.sealExtensionMax.value.count;
  const invalid = firstError(
    checkRole(ctx, ['bureau_head'], cmd.type, `${SEAL_TERM}：经行政机关负责人批准`),
    seal && !seal.releasedOn ? null : refuse('NOT_SEALED', '设备未处于查封扣押中', 'the equipment is not sealed'),
    seal && seal.extendedDays + cmd.days > max
      ? refuse(
          'SEAL_EXTENSION_TOO_LONG',
          `延长期限合计不得超过${max}日（${SEAL_TERM}）`,
          `the extension may not exceed ${max} days in all`,
          {
            alreadyExtended: seal.extendedDays,
          },
        )
      : null,
    seal && cmd.approvedOn > seal.expiresOn
      ? refuse('SEAL_ALREADY_EXPIRED', `查封扣押已于 ${seal.expiresOn} 届满，不能再延长（${SEAL_TERM}）`, 'the seal already expired')
      : null,
    checkActDate(state, ctx, cmd.approvedOn, '批准延长'),
  );
  if (invalid || !seal) return invalid ?? refuse('NOT_SEALED', '设备未处于查封扣押中', 'the equipment is not sealed');
  const deadline = sealDeadline(ctx.calendar, rules, seal.sealedOn, rules.seal.value.count + seal.extendedDays + cmd.days);
  return [
    {
      type: 'SealExtended',
      payload: {
        approvedOn: cmd.approvedOn,
        days: cmd.days,
        reason: cmd.reason,
        expiresOn: deadline.due,
        deadlines: { set: [deadline], clear: [] },
      },
    },
  ];
}

function decideRelease(state: DirectiveState, cmd: z.infer<typeof releaseSeal>, ctx: DecideContext): Result {
  const invalid = firstError(
    checkRole(ctx, RECORDERS, cmd.type, `${SEAL_TERM}、第二十八条`),
    sealActive(state) ? null : refuse('NOT_SEALED', '设备未处于查封扣押中', 'the equipment is not sealed'),
    checkActDate(state, ctx, cmd.releasedOn, '解除查封扣押'),
  );
  if (invalid || !state.seal) return invalid ?? refuse('NOT_SEALED', '设备未处于查封扣押中', 'the equipment is not sealed');
  const after = { ...state, seal: { ...state.seal, releasedOn: cmd.releasedOn, releaseReason: cmd.reason } };
  return [
    { type: 'SealReleased', payload: { releasedOn: cmd.releasedOn, reason: cmd.reason, deadlines: { set: [], clear: [K.seal.kind] } } },
    ...closeIfDone(after, cmd.releasedOn),
  ];
}

export function hazardEscalationId(caseId: string, n: number): string {
  return `${caseId}-ESC-${n}`;
}

function decideHazardReport(state: DirectiveState, cmd: z.infer<typeof reportSeriousHazard>, ctx: DecideContext): Result {
  const invalid = firstError(
    checkRole(ctx, INSPECTORS, cmd.type, REPORT_UP),
    needsSerious(state, cmd.type),
    checkActDate(state, ctx, cmd.reportedOn, '上报'),
  );
  if (invalid) return invalid;
  if (!ctx.caseId) return refuse('CASE_ID_UNKNOWN', '缺少案件编号', 'the case id is needed to name the escalation');
  return [
    {
      type: 'SeriousHazardReported',
      payload: {
        reportedOn: cmd.reportedOn,
        summary: cmd.summary,
        escalationId: hazardEscalationId(ctx.caseId, state.hazardReports.length + 1),
        districtGovernmentReportNo: cmd.districtGovernmentReportNo,
      },
    },
  ];
}

function decideClose(state: DirectiveState, cmd: z.infer<typeof closeDirective>, ctx: DecideContext): Result {
  const invalid = firstError(
    checkRole(ctx, ['section_chief', 'bureau_head'], cmd.type, '科长审核办结 / the chief closes'),
    closingProblem(state),
    checkActDate(state, ctx, cmd.closedOn, '办结'),
  );
  if (invalid) return invalid;
  return [closed(state, cmd.closedOn, 'closed_otherwise', cmd.reason)];
}

function decideOutcome(state: DirectiveState, cmd: z.infer<typeof recordDirectiveEscalationOutcome>, ctx: DecideContext): Result {
  const invalid = firstError(
    checkRole(ctx, ['system'], cmd.type, '上报答复 / an escalation answer'),
    state.hazardReports.some((r) => r.escalationId === cmd.escalationId)
      ? null
      : refuse('UNKNOWN_ESCALATION', `本案未上报 ${cmd.escalationId}`, 'this case started no such escalation'),
  );
  if (invalid) return invalid;
  return [
    { type: 'EscalationOutcomeRecorded', payload: { escalationId: cmd.escalationId, outcome: cmd.outcome, decidedOn: cmd.decidedOn } },
  ];
}

function decideRecompute(state: DirectiveState, ctx: DecideContext): Result {
  if (state.status !== 'open' || !state.rules) return [];
  const changed = recomputedDirectiveDeadlines(ctx.calendar, state.rules, Object.values(state.deadlines));
  return changed.length === 0 ? [] : [deadlinesRecomputed(changed)];
}

/** The directive decider: pure, given the state, a command and the context, the events or the reason for refusal. */
export function decideDirective(state: DirectiveState, command: DirectiveCommand, ctx: DecideContext): Result {
  if (command.type === 'RecordInspection' || command.type === 'RecordEmergencyOrder') return decideOpening(state, command, ctx);
  if (state.status === 'none') return caseNotFound(DIRECTIVE_NOUN);
  if (command.type === 'Tick') return checkSystemCommand(ctx, command.type) ?? decideDirectiveTick(state, ctx);
  if (command.type === 'RecomputeDeadlines') return checkSystemCommand(ctx, command.type) ?? decideRecompute(state, ctx);
  if (command.type === 'RecordEscalationOutcome') return decideOutcome(state, command, ctx);
  if (state.status === 'closed') return caseClosed(DIRECTIVE_NOUN, state.closure);
  switch (command.type) {
    case 'IssueWrittenDirective':
      return decideIssue(state, command, ctx);
    case 'RecordRectificationReport':
      return decideReport(state, command, ctx);
    case 'RecordReinspection':
      return decideReinspection(state, command, ctx);
    case 'RecordDirectiveRefusal':
      return decideRefusal(state, command, ctx);
    case 'LinkPenaltyCase':
      return decideLink(state, command, ctx);
    case 'SealEquipment':
      return decideSeal(state, command, ctx);
    case 'ExtendSeal':
      return decideExtend(state, command, ctx);
    case 'ReleaseSeal':
      return decideRelease(state, command, ctx);
    case 'ReportSeriousHazard':
      return decideHazardReport(state, command, ctx);
    case 'CloseDirective':
      return decideClose(state, command, ctx);
    default: {
      const never: never = command;
      return never;
    }
  }
}
