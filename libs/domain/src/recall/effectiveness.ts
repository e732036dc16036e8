import type { RecallRuleSet } from '../policy/recall-rules';
import { domainError, type DomainError } from '../shared/domain-error';
import type { IsoDate } from '../shared/iso-date';
import type { RecallEvent } from './events';
import { currentPermille, type RecallState } from './state';

/** Completion rate in per mille: units remedied of units affected, rounded down (never overstated). */
export function completionPermille(remedied: number, affected: number): number {
  if (affected <= 0) return 0;
  return Math.min(1000, Math.floor((remedied * 1000) / affected));
}

/** Cumulative figures must hold together and never go back: remedied ≤ notified ≤ affected, each at least the last. */
export function checkFigures(state: RecallState, notified: number, remedied: number): DomainError | null {
  const affected = state.plan?.unitsAffected ?? 0;
  if (remedied > notified || notified > affected)
    return domainError(
      'FIGURES_INCONSISTENT',
      `已消除缺陷数（${remedied}）不得多于已通知数（${notified}），已通知数不得多于召回计划涉及数量（${affected}）/ remedied ≤ notified ≤ affected`,
      { affected, notified, remedied },
    );
  const last = state.progress.at(-1);
  if (last && (notified < last.notified || remedied < last.remedied))
    return domainError(
      'FIGURES_DECREASED',
      `累计数字不得少于上次报告（${last.on}：已通知 ${last.notified}，已消除 ${last.remedied}）/ cumulative figures cannot go down`,
      { last },
    );
  return null;
}

/**
 * A report that leaves the rate below the bureau's target and gains less than the minimum over the interval since the
 * last report (or since publication) is a stall: recorded, and the section chief is told (本局规定).
 */
export function stallOf(state: RecallState, rules: RecallRuleSet, reportedOn: IsoDate, permille: number): RecallEvent[] {
  const threshold = rules.completionThresholdPermille.value;
  const minimumGain = rules.minimumGainPermille.value;
  const previous = currentPermille(state);
  if (permille >= threshold || permille - previous >= minimumGain) return [];
  const legalSource = rules.minimumGainPermille.source;
  const pct = (p: number) => `${(p / 10).toFixed(1)}%`;
  return [
    {
      type: 'RecallStalled',
      payload: {
        reportedOn,
        completionPermille: permille,
        previousPermille: previous,
        thresholdPermille: threshold,
        minimumGainPermille: minimumGain,
        legalSource,
      },
    },
    {
      type: 'EscalationNoticeRaised',
      payload: {
        noticeKey: `completion_stalled@${reportedOn}:missed:section_chief`,
        deadlineKind: 'completion_stalled',
        level: 'missed',
        recipientRole: 'section_chief',
        due: reportedOn,
        legalSource,
        message: `召回进度停滞：完成率 ${pct(permille)}（上期 ${pct(previous)}），低于目标 ${pct(threshold)} 且本期增幅不足 ${pct(minimumGain)}，请督促生产者采取更有效措施 / recall stalled at ${pct(permille)}`,
      },
    },
  ];
}
