import { domainError, isDomainError, type DomainError } from '../shared/domain-error';
import { fenToYuanString } from '../shared/money';
import { penaltyRulesOn, resolvePenaltyRules } from '../policy/penalty-rule-set';
import { applicableProvision, penaltyProvisions } from '../policy/penalty-provisions';
import { legalBounds } from '../policy/discretion';
import type { z } from 'zod';
import type { openSummaryCase, registerLead } from './commands';
import { checkActDate, checkNotYetOpen, firstError, PENALTY_CASE, type DecideContext } from './decide-context';
import { deadlineAfter } from './deadline-factory';
import { checkLimitation } from './limitation';
import { decisionServedEvents } from './decide-service';
import type { PenaltyEvent } from './events';
import type { PenaltyState } from './state';

function notYetOpened(state: PenaltyState): DomainError | null {
  return checkNotYetOpen(state.stage !== 'none', PENALTY_CASE);
}

/** 简易程序: the thresholds in force on the decision date (程序从新); the provision as of the violation (从旧兼从轻). */
export function decideOpenSummaryCase(
  state: PenaltyState,
  cmd: z.infer<typeof openSummaryCase>,
  ctx: DecideContext,
): PenaltyEvent[] | DomainError {
  const invalid = firstError(
    notYetOpened(state),
    checkActDate(state, ctx, cmd.decidedOn, '当场处罚决定'),
    cmd.violationDate > cmd.decidedOn
      ? domainError('VIOLATION_AFTER_DECISION', '违法行为日期晚于决定日期 / the violation date is after the decision')
      : null,
  );
  if (invalid) return invalid;
  // each rule by the date it concerns: the thresholds and the service on the spot are of the decision date
  const rules = penaltyRulesOn(cmd.decidedOn);
  const limitation = ctx.compat?.beforeLegalCorrections ? null : checkLimitation(ctx, cmd, cmd.decidedOn);
  if (limitation && isDomainError(limitation)) return limitation;
  const applicable = applicableProvision(penaltyProvisions, cmd.provisionId, cmd.violationDate, cmd.decidedOn, 0);
  if (isDomainError(applicable)) return applicable;

  const fineFen = cmd.penalty.kind === 'fine' ? cmd.penalty.fineFen : 0;
  const threshold = rules.summaryFineMax.value[cmd.party.kind];
  if (fineFen > threshold) {
    return domainError(
      'SUMMARY_THRESHOLD_EXCEEDED',
      `罚款 ${fenToYuanString(fineFen)} 元超过简易程序上限 ${fenToYuanString(threshold)} 元（${rules.summaryFineMax.source}），应适用一般程序 / fine above the summary-procedure limit: use the general procedure`,
      { fineFen, thresholdFen: threshold, partyKind: cmd.party.kind, source: rules.summaryFineMax.source },
    );
  }
  if (applicable.version.value.kind === 'absolute' && fineFen > 0) {
    const bounds = legalBounds(applicable.version.value, 0);
    if (fineFen < bounds.minFen || fineFen > bounds.maxFen) {
      return domainError(
        'FINE_OUTSIDE_LEGAL_RANGE',
        `罚款不在 ${applicable.version.source} 规定的幅度内 / fine outside the range of the provision`,
        { fineFen, ...bounds },
      );
    }
  }
  const opened: PenaltyEvent = {
    type: 'PenaltyCaseOpened',
    payload: {
      procedure: 'summary',
      section: cmd.section,
      title: cmd.title,
      party: cmd.party,
      openedOn: cmd.decidedOn,
      rules: resolvePenaltyRules(cmd.decidedOn),
    },
  };
  const decided: PenaltyEvent = {
    type: 'SummaryPenaltyDecided',
    payload: {
      decidedOn: cmd.decidedOn,
      violationDate: cmd.violationDate,
      provisionId: cmd.provisionId,
      penalty: cmd.penalty,
      thresholdFen: threshold,
      thresholdSource: rules.summaryFineMax.source,
      ...(limitation ? { limitation } : {}),
    },
  };
  // 行政处罚法 第五十二条: the summary decision is handed to the party on the spot.
  return [opened, decided, ...decisionServedEvents(ctx, rules, cmd.decidedOn, 'in_person', fineFen)];
}

/** 一般程序 starts from a lead; the filing decision is due within the period in force on discovery. */
export function decideRegisterLead(
  state: PenaltyState,
  cmd: z.infer<typeof registerLead>,
  ctx: DecideContext,
): PenaltyEvent[] | DomainError {
  const invalid = firstError(notYetOpened(state), checkActDate(state, ctx, cmd.discoveredOn, '发现线索'));
  if (invalid) return invalid;
  const rules = penaltyRulesOn(cmd.discoveredOn);
  return [
    {
      type: 'PenaltyCaseOpened',
      payload: {
        procedure: 'general',
        section: cmd.section,
        title: cmd.title,
        party: cmd.party,
        openedOn: cmd.discoveredOn,
        rules: resolvePenaltyRules(cmd.discoveredOn),
        leadSource: cmd.leadSource,
        summary: cmd.summary,
        deadlines: { set: [deadlineAfter(ctx, 'filing_decision', cmd.discoveredOn, rules.filingDecision)], clear: [] },
      },
    },
  ];
}
