import type { z } from 'zod';
import type { IsoDate } from '../shared/iso-date';
import type { Role } from '../shared/actor';
import { domainError, isDomainError, type DomainError } from '../shared/domain-error';
import { resolveEscalationRules, type EscalationRuleSet } from '../policy/escalation-rules';
import {
  caseClosed,
  caseNotFound,
  checkActDate,
  checkNotYetOpen,
  checkRole,
  checkSystemCommand,
  firstError,
  type CaseNoun,
  type DecideContext,
} from '../shared/decide-guards';
import type {
  EscalationCommand,
  openEscalation,
  recordAcknowledgement,
  recordDecision,
  recordForwarding,
  resubmitEscalation,
  submitEscalation,
  withdrawEscalation,
} from './commands';
import { recomputedResponseDeadlines, responseDeadline, responseDeadlineKind } from './deadlines';
import { deadlinesRecomputed } from '../deadlines/deadline-record';
import { decideEscalationTick } from './clock';
import type { EscalationEvent } from './events';
import { escalationChain, OUTCOMES_BY_LEVEL_KIND } from './levels';
import { currentLevel, type EscalationLevelState, type EscalationLevelStatus, type EscalationState } from './state';

type Result = EscalationEvent[] | DomainError;

/** An escalation in the refusals the processes share. */
const ESCALATION: CaseNoun = { zh: '上报', en: 'escalation', closedZh: '办结' };

const RECORDERS: readonly Role[] = ['officer', 'section_chief', 'bureau_head'];
/** answers from other authorities: recorded by an officer from paper, or by the inbound gateway (system) */
const RESPONSE_RECORDERS: readonly Role[] = [...RECORDERS, 'system'];
const SIGN_OFF_INTERNAL = '本局公文处理规定（内部规定）：对外上报、移送文书由局长（负责人）签发';
const SIGN_OFF_POLICE =
  '《行政执法机关移送涉嫌犯罪案件的规定》第五条：移送涉嫌犯罪案件的书面报告报经本机关正职负责人或者主持工作的负责人审批';

function checkLevelStatus(level: EscalationLevelState, allowed: readonly EscalationLevelStatus[], command: string): DomainError | null {
  if (allowed.includes(level.status)) return null;
  return domainError(
    'WRONG_LEVEL_STATUS',
    `「${level.nameZh}」处于「${level.status}」状态，不能执行 ${command}（允许：${allowed.join('、')}）/ ${command} is not allowed while the ${level.nameEn} level is ${level.status}`,
    { level: level.key, status: level.status, allowed },
  );
}

function rulesOf(state: EscalationState): EscalationRuleSet {
  if (!state.rules) throw new Error('escalation has no rule set: it was never opened');
  return state.rules;
}

function levelOf(state: EscalationState): EscalationLevelState {
  const level = currentLevel(state);
  if (!level) throw new Error('escalation has no current level');
  return level;
}

function signOffBasis(level: EscalationLevelState): string {
  return level.kind === 'police' ? SIGN_OFF_POLICE : SIGN_OFF_INTERNAL;
}

/** The document goes to level `index`: recorded with its number, the levels it came through and the acknowledgement deadline. */
function submitted(
  state: EscalationState,
  ctx: DecideContext,
  index: number,
  on: IsoDate,
  attempt: number,
  extra: { resubmissionReason?: string; facts?: string; clear?: string[] },
): EscalationEvent {
  const level = state.chain[index];
  if (!level) throw new Error(`no level ${index} in the chain`);
  return {
    type: 'EscalationSubmitted',
    payload: {
      level: level.key,
      levelIndex: index,
      attempt,
      submittedOn: on,
      documentNo: `${level.key}-${attempt}`,
      via: state.chain.slice(0, index).map((l) => l.key),
      ...(extra.resubmissionReason ? { resubmissionReason: extra.resubmissionReason } : {}),
      facts: extra.facts ?? state.caseSummary.facts,
      deadlines: { set: [responseDeadline(ctx, rulesOf(state), level, 'acknowledgement', on)], clear: extra.clear ?? [] },
    },
  };
}

function clearLevel(level: EscalationLevelState): string[] {
  return [responseDeadlineKind('acknowledgement', level), responseDeadlineKind('answer', level)];
}

function decideOpen(state: EscalationState, cmd: z.infer<typeof openEscalation>, ctx: DecideContext): Result {
  const invalid = firstError(
    checkNotYetOpen(state.stage !== 'none', ESCALATION),
    checkRole(ctx, RECORDERS, 'OpenEscalation', '承办科室拟稿 / drafted by the section'),
    checkActDate(state, ctx, cmd.openedOn, '拟稿'),
    cmd.target.kind === 'peer_department' && cmd.target.department === 'quality_supervision'
      ? domainError('TRANSFER_TO_SELF', '不能向本局移交 / cannot transfer a matter to the bureau itself')
      : null,
  );
  if (invalid) return invalid;
  const rules = resolveEscalationRules(cmd.openedOn);
  if (isDomainError(rules)) return rules;
  return [
    {
      type: 'EscalationOpened',
      payload: {
        target: cmd.target,
        subject: cmd.subject,
        legalGround: cmd.legalGround,
        caseSummary: cmd.caseSummary,
        section: cmd.section,
        openedOn: cmd.openedOn,
        chain: escalationChain(cmd.target),
        parent: cmd.parent ?? null,
        rules: rules as unknown as Record<string, unknown>,
      },
    },
  ];
}

function decideSubmit(state: EscalationState, cmd: z.infer<typeof submitEscalation>, ctx: DecideContext): Result {
  const level = levelOf(state);
  const invalid = firstError(
    checkRole(ctx, ['bureau_head'], 'SubmitEscalation', signOffBasis(level)),
    checkLevelStatus(level, ['pending'], 'SubmitEscalation'),
    checkActDate(state, ctx, cmd.submittedOn, '上报（移送）'),
  );
  if (invalid) return invalid;
  return [submitted(state, ctx, state.current, cmd.submittedOn, 1, {})];
}

function decideAcknowledgement(state: EscalationState, cmd: z.infer<typeof recordAcknowledgement>, ctx: DecideContext): Result {
  const level = levelOf(state);
  const invalid = firstError(
    checkRole(ctx, RESPONSE_RECORDERS, 'RecordAcknowledgement', '登记来文 / recording a response'),
    checkLevelStatus(level, ['submitted'], 'RecordAcknowledgement'),
    checkActDate(state, ctx, cmd.acknowledgedOn, '签收'),
  );
  if (invalid) return invalid;
  return [
    {
      type: 'EscalationAcknowledged',
      payload: {
        level: level.key,
        acknowledgedOn: cmd.acknowledgedOn,
        acknowledgedBy: cmd.acknowledgedBy,
        ...(cmd.reference ? { reference: cmd.reference } : {}),
        deadlines: {
          set: [responseDeadline(ctx, rulesOf(state), level, 'answer', cmd.acknowledgedOn)],
          clear: [responseDeadlineKind('acknowledgement', level)],
        },
      },
    },
  ];
}

function decideForwarding(state: EscalationState, cmd: z.infer<typeof recordForwarding>, ctx: DecideContext): Result {
  const level = levelOf(state);
  const next = state.chain[state.current + 1];
  const invalid = firstError(
    checkRole(ctx, RESPONSE_RECORDERS, 'RecordForwarding', '登记来文 / recording a response'),
    checkLevelStatus(level, ['submitted', 'acknowledged'], 'RecordForwarding'),
    next
      ? null
      : domainError('NO_NEXT_LEVEL', `「${level.nameZh}」是最后一级，只能作出决定 / the ${level.nameEn} is the last level: it decides`, {
          level: level.key,
        }),
    checkActDate(state, ctx, cmd.forwardedOn, '转报'),
  );
  if (invalid || !next) return invalid ?? domainError('NO_NEXT_LEVEL', 'no next level');
  return [
    {
      type: 'EscalationForwarded',
      payload: {
        level: level.key,
        toLevel: next.key,
        forwardedOn: cmd.forwardedOn,
        forwardedBy: cmd.forwardedBy,
        reference: cmd.reference,
        opinion: cmd.opinion,
        deadlines: { set: [], clear: clearLevel(level) },
      },
    },
    submitted(state, ctx, state.current + 1, cmd.forwardedOn, 1, {}),
  ];
}

function decideDecision(state: EscalationState, cmd: z.infer<typeof recordDecision>, ctx: DecideContext): Result {
  const level = levelOf(state);
  const allowed: readonly string[] = OUTCOMES_BY_LEVEL_KIND[level.kind];
  const invalid = firstError(
    checkRole(ctx, RESPONSE_RECORDERS, 'RecordDecision', '登记来文 / recording a response'),
    checkLevelStatus(level, ['submitted', 'acknowledged'], 'RecordDecision'),
    allowed.includes(cmd.outcome)
      ? null
      : domainError(
          'OUTCOME_NOT_FOR_LEVEL',
          `「${level.nameZh}」不能作出「${cmd.outcome}」决定（可为：${allowed.join('、')}）/ the ${level.nameEn} cannot decide ${cmd.outcome}`,
          { level: level.key, outcome: cmd.outcome, allowed },
        ),
    checkActDate(state, ctx, cmd.decidedOn, '决定'),
  );
  if (invalid) return invalid;
  return [
    {
      type: 'EscalationDecided',
      payload: {
        level: level.key,
        decidedOn: cmd.decidedOn,
        decidedBy: cmd.decidedBy,
        outcome: cmd.outcome,
        reference: cmd.reference,
        answer: cmd.answer,
        deadlines: { set: [], clear: clearLevel(level) },
      },
    },
    { type: 'EscalationClosed', payload: { closedOn: cmd.decidedOn, outcome: cmd.outcome, decidedByLevel: level.key } },
  ];
}

function decideWithdraw(state: EscalationState, cmd: z.infer<typeof withdrawEscalation>, ctx: DecideContext): Result {
  const level = levelOf(state);
  const invalid = firstError(
    checkRole(ctx, ['bureau_head'], 'WithdrawEscalation', SIGN_OFF_INTERNAL),
    checkLevelStatus(level, ['submitted', 'acknowledged'], 'WithdrawEscalation'),
    checkActDate(state, ctx, cmd.withdrawnOn, '撤回'),
  );
  if (invalid) return invalid;
  const withdrawn: EscalationEvent = {
    type: 'EscalationWithdrawn',
    payload: {
      level: level.key,
      withdrawnOn: cmd.withdrawnOn,
      reason: cmd.reason,
      intent: cmd.intent,
      deadlines: { set: [], clear: clearLevel(level) },
    },
  };
  if (cmd.intent === 'amend') return [withdrawn];
  return [withdrawn, { type: 'EscalationClosed', payload: { closedOn: cmd.withdrawnOn, outcome: 'withdrawn', decidedByLevel: null } }];
}

function decideResubmit(state: EscalationState, cmd: z.infer<typeof resubmitEscalation>, ctx: DecideContext): Result {
  const level = levelOf(state);
  const invalid = firstError(
    checkRole(ctx, ['bureau_head'], 'ResubmitEscalation', signOffBasis(level)),
    checkLevelStatus(level, ['withdrawn'], 'ResubmitEscalation'),
    checkActDate(state, ctx, cmd.resubmittedOn, '重新上报'),
  );
  if (invalid) return invalid;
  return [
    submitted(state, ctx, state.current, cmd.resubmittedOn, level.attempts + 1, {
      resubmissionReason: cmd.reason,
      ...(cmd.amendedFacts ? { facts: cmd.amendedFacts } : {}),
    }),
  ];
}

/** A newly loaded State Council calendar: response deadlines computed again from their basis (nothing changed → no event). */
function decideRecompute(state: EscalationState, ctx: DecideContext): Result {
  if (state.stage === 'closed' || !state.rules) return [];
  const provisionalOnly = ctx.compat?.recomputeDeadlinesOnly === true;
  const changed = recomputedResponseDeadlines(ctx, state.rules, state.chain, Object.values(state.deadlines), provisionalOnly);
  return changed.length === 0 ? [] : [deadlinesRecomputed(changed)];
}

/** The escalation decider: pure, given the state, a command and the context, the events or the reason for refusal. */
export function decideEscalation(state: EscalationState, command: EscalationCommand, ctx: DecideContext): Result {
  if (command.type === 'OpenEscalation') return decideOpen(state, command, ctx);
  if (state.stage === 'none') return caseNotFound(ESCALATION);
  if (command.type === 'Tick') return checkSystemCommand(ctx, command.type) ?? decideEscalationTick(state, ctx);
  if (command.type === 'RecomputeDeadlines') return checkSystemCommand(ctx, command.type) ?? decideRecompute(state, ctx);
  if (state.stage === 'closed') return caseClosed(ESCALATION, state.outcome);
  switch (command.type) {
    case 'SubmitEscalation':
      return decideSubmit(state, command, ctx);
    case 'RecordAcknowledgement':
      return decideAcknowledgement(state, command, ctx);
    case 'RecordForwarding':
      return decideForwarding(state, command, ctx);
    case 'RecordDecision':
      return decideDecision(state, command, ctx);
    case 'WithdrawEscalation':
      return decideWithdraw(state, command, ctx);
    case 'ResubmitEscalation':
      return decideResubmit(state, command, ctx);
    default: {
      const never: never = command;
      return never;
    }
  }
}
