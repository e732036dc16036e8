import type { z } from 'zod';
import { domainError, type DomainError } from '../shared/domain-error';
import type { extendDecisionPeriodCollectively } from './commands';
import { checkActDate, checkRole, checkStage, firstError, rulesOf, type DecideContext } from './decide-context';
import { decisionDeadline } from './decide-filing';
import type { PenaltyEvent } from './events';
import type { PenaltyState } from './state';

const COLLECTIVE_SOURCE =
  '《市场监督管理行政处罚程序规定》第六十四条第一款：案情特别复杂或者有其他特殊情况，经延期仍不能作出处理决定的，应当由市场监督管理部门负责人集体讨论决定是否继续延期，决定继续延期的，应当同时确定延长的合理期限';

/**
 * 继续延期: once the bureau head's extension is given, only the leaders deciding collectively may extend further, and
 * they set the period; the decision deadline moves with it (a case past its limit is no longer overdue for ever).
 */
export function decideExtendDecisionPeriodCollectively(
  state: PenaltyState,
  cmd: z.infer<typeof extendDecisionPeriodCollectively>,
  ctx: DecideContext,
): PenaltyEvent[] | DomainError {
  const invalid = firstError(
    checkStage(state, ['investigation', 'legal_review', 'review_approved', 'notified', 'committee_decided'], cmd.type),
    checkRole(ctx, ['case_review_committee'], '集体讨论决定继续延期', COLLECTIVE_SOURCE),
    checkActDate(state, ctx, cmd.approvedOn, '继续延期决定'),
    state.extensionDays === 0
      ? domainError(
          'HEAD_EXTENSION_FIRST',
          `继续延期以负责人已批准延期为前提，请先由负责人批准延长（${COLLECTIVE_SOURCE}）/ the bureau head's extension comes first`,
        )
      : null,
    state.pausedFrom ? domainError('CLOCK_PAUSED', '办案期限中止期间不能延期 / the clock is paused') : null,
  );
  if (invalid || !state.filedOn) return invalid ?? domainError('NOT_FILED', '尚未立案 / not filed');
  const rules = rulesOf(state, state.filedOn);
  const decision = decisionDeadline(ctx, rules, state.filedOn, state.pausedDays + state.extensionDays + cmd.days);
  return [
    {
      type: 'DecisionPeriodExtendedCollectively',
      payload: {
        approvedOn: cmd.approvedOn,
        days: cmd.days,
        reason: cmd.reason,
        minutes: cmd.minutes,
        source: COLLECTIVE_SOURCE,
        deadlines: { set: [{ ...decision, legalSource: `${decision.legalSource}；${COLLECTIVE_SOURCE}` }], clear: [] },
      },
    },
  ];
}
