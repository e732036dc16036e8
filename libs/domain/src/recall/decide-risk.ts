import type { z } from 'zod';
import { checkActDate, firstError, type DecideContext } from '../shared/decide-guards';
import { domainError } from '../shared/domain-error';
import { RECALL_RISK_NAMES, RECALL_RISK_SOURCE } from '../policy/recall-rules';
import type { assessRecallRisk } from './commands';
import type { Result } from './decide-guards';
import type { RecallState } from './state';

/** 风险评估 (本局规定): recorded, or changed, on any open recall; the same level again on the same basis changes nothing. */
export function decideRisk(state: RecallState, cmd: z.infer<typeof assessRecallRisk>, ctx: DecideContext): Result {
  const invalid = firstError(
    checkActDate(state, ctx, cmd.assessedOn, '风险评估'),
    state.risk?.level === cmd.level && state.risk.basis === cmd.basis
      ? domainError('RISK_UNCHANGED', `已评估为${RECALL_RISK_NAMES[cmd.level]} / the risk is already assessed so`)
      : null,
  );
  if (invalid) return invalid;
  return [
    {
      type: 'RecallRiskAssessed',
      payload: { assessedOn: cmd.assessedOn, level: cmd.level, basis: cmd.basis, legalSource: RECALL_RISK_SOURCE },
    },
  ];
}
