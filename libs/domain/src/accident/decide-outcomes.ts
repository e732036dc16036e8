import type { z } from 'zod';
import { domainError, type DomainError } from '../shared/domain-error';
import { checkActDate, checkRole, firstError, type DecideContext } from '../shared/decide-guards';
import type { closeAccident, closeOutcome, recordOutcome } from './commands';
import type { AccidentEvent } from './events';
import { verificationDeadline, verificationKind } from './deadlines';
import { CHIEF_OR_HEAD, checkStage } from './guards';
import type { AccidentState } from './state';

type Result = AccidentEvent[] | DomainError;

const LINKED: ReadonlySet<string> = new Set(['recall']);
/** outcomes the bureau sends itself, as a child escalation, when no link is given */
const SENT: ReadonlySet<string> = new Set(['police_transfer', 'peer_notice']);

export function outcomeEscalationId(caseId: string, outcomeId: string): string {
  return `${caseId}-OUT-${outcomeId}`;
}

/** The penalty case an accident opens itself for one of its outcomes. */
export function outcomePenaltyCaseId(caseId: string, outcomeId: string): string {
  return `${caseId}-PEN-${outcomeId}`;
}

/** An outcome of the report, linked to the case that carries it on; a rectification gets its verification deadline. */
export function decideRecordOutcome(state: AccidentState, cmd: z.infer<typeof recordOutcome>, ctx: DecideContext): Result {
  const invalid = firstError(
    checkStage(state, ['outcomes'], cmd.type),
    checkActDate(state, ctx, cmd.recordedOn, '登记处理结果'),
    state.outcomes.some((o) => o.outcomeId === cmd.outcomeId)
      ? domainError('OUTCOME_EXISTS', `处理结果 ${cmd.outcomeId} 已登记 / outcome ${cmd.outcomeId} is already recorded`)
      : null,
    cmd.outcome === 'rectification' && !cmd.verifyBy
      ? domainError('VERIFICATION_DATE_REQUIRED', '整改须确定复查期限 / a rectification needs the day it is verified by')
      : null,
    cmd.verifyBy !== undefined && cmd.verifyBy < cmd.recordedOn
      ? domainError('VERIFICATION_DATE_PAST', `复查期限 ${cmd.verifyBy} 早于登记日 / the verification day is before the record`)
      : null,
    LINKED.has(cmd.outcome) && !cmd.linkedId
      ? domainError('LINK_REQUIRED', `${cmd.outcome} 须注明承接的案件或文书编号 / name the case that carries the outcome`)
      : null,
    cmd.outcome === 'penalty_case' && !cmd.linkedId && !cmd.party
      ? domainError(
          'LINK_OR_PARTY_REQUIRED',
          '立案查处须注明已有案件编号，或由本案新立案件并注明当事人 / name the penalty case, or the party of the case to open',
        )
      : null,
    cmd.outcome === 'peer_notice' && !cmd.department
      ? domainError('DEPARTMENT_REQUIRED', '通报相关部门须注明部门 / name the department told')
      : null,
  );
  if (invalid) return invalid;
  const rules = state.rules;
  const set =
    cmd.outcome === 'rectification' && cmd.verifyBy && rules
      ? [verificationDeadline(ctx.calendar, rules, cmd.outcomeId, cmd.verifyBy)]
      : [];
  const { type: _type, ...outcome } = cmd;
  const sent = SENT.has(cmd.outcome) && !cmd.linkedId && ctx.caseId ? { escalationId: outcomeEscalationId(ctx.caseId, cmd.outcomeId) } : {};
  // the runner always names the case; a bare decider call (a unit test) names the child after the process
  const opened =
    cmd.outcome === 'penalty_case' && !cmd.linkedId ? { penaltyCaseId: outcomePenaltyCaseId(ctx.caseId ?? 'ACCIDENT', cmd.outcomeId) } : {};
  return [{ type: 'OutcomeRecorded', payload: { ...outcome, ...sent, ...opened, deadlines: { set, clear: [] } } }];
}

export function decideCloseOutcome(state: AccidentState, cmd: z.infer<typeof closeOutcome>, ctx: DecideContext): Result {
  const outcome = state.outcomes.find((o) => o.outcomeId === cmd.outcomeId);
  const invalid = firstError(
    checkStage(state, ['outcomes'], cmd.type),
    outcome ? null : domainError('UNKNOWN_OUTCOME', `没有处理结果 ${cmd.outcomeId} / no outcome ${cmd.outcomeId}`),
    outcome && outcome.status !== 'open' ? domainError('OUTCOME_CLOSED', `处理结果 ${cmd.outcomeId} 已办结 / already closed`) : null,
    checkActDate(state, ctx, cmd.closedOn, '办结'),
  );
  if (invalid) return invalid;
  return [
    {
      type: 'OutcomeClosed',
      payload: {
        outcomeId: cmd.outcomeId,
        closedOn: cmd.closedOn,
        result: cmd.result,
        note: cmd.note,
        deadlines: { set: [], clear: [verificationKind(cmd.outcomeId)] },
      },
    },
  ];
}

/** 结案: every outcome closed or handed on to the body that carries it. */
export function decideCloseAccident(state: AccidentState, cmd: z.infer<typeof closeAccident>, ctx: DecideContext): Result {
  const open = state.outcomes.filter((o) => o.status === 'open').map((o) => o.outcomeId);
  const invalid = firstError(
    checkStage(state, ['outcomes'], cmd.type),
    checkRole(ctx, CHIEF_OR_HEAD, cmd.type, '本局规定：事故结案由科长或局长决定'),
    checkActDate(state, ctx, cmd.closedOn, '结案'),
    open.length > 0
      ? domainError('OUTCOMES_OPEN', `以下处理结果尚未办结或移交：${open.join('、')} / these outcomes are still open: ${open.join(', ')}`, {
          open,
        })
      : null,
  );
  if (invalid) return invalid;
  return [
    {
      type: 'AccidentClosed',
      payload: {
        closedOn: cmd.closedOn,
        outcome: 'concluded',
        summary: cmd.summary,
        hourLimits: { set: [], clear: Object.keys(state.hourLimits) },
        deadlines: { set: [], clear: Object.keys(state.deadlines) },
      },
    },
  ];
}
