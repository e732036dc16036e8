import {
  daysBetween,
  movesOf,
  processOf,
  shanghaiDate,
  stallReasons,
  whoMustAct,
  type IsoDate,
  type Section,
  type StageLimit,
} from '@qts/domain';
import type { StalledRow } from '@qts/read-model';
import type { z } from 'zod';
import type { stalledCaseAnswer } from './answers';

/** A stalled row as the desk shows it: every reason, since when, who must act (from its moves), whom it waits on. */
export function stalledView(
  row: StalledRow,
  limits: readonly StageLimit[],
  today: IsoDate,
  technical: { since: IsoDate; reason: string } | null,
): z.output<typeof stalledCaseAnswer> {
  const process = row.caseType ? processOf(row.caseType) : undefined;
  const limit = limits.find((l) => l.caseType === row.caseType && l.stage === row.stage);
  const stageLabel = process && row.stage ? process.stages.label(row.stage) : null;
  const damaged = row.damaged
    ? {
        since: shanghaiDate(Date.parse(row.damaged.since)),
        reason: `查询库无法写入 ${row.damaged.events} 个事件（已转入死信）：${row.damaged.reason} / events dead-lettered by the projector`,
      }
    : null;
  const reasons = stallReasons(
    {
      stage: row.stage ?? '',
      stageLabelZh: stageLabel?.zh ?? '',
      stageSince: row.stageSince ? shanghaiDate(Date.parse(row.stageSince)) : null,
      deadlines: row.deadlines,
      damaged,
      technical,
    },
    limit,
    today,
  );
  const moves = process && row.state !== null && row.stage !== null ? movesOf(process, row.state, today) : [];
  const outside = reasons.some((r) => r.code === 'OUTSIDE_PARTY_LATE');
  return {
    caseId: row.caseId,
    caseType: row.caseType,
    caseLabel: process?.labels ?? null,
    section: row.section,
    stage: row.stage,
    stageLabel,
    title: row.title,
    partyName: row.partyName,
    since: row.since,
    daysStalled: Math.max(0, daysBetween(row.since, today)),
    reasons,
    mustAct: row.section
      ? whoMustAct(moves, row.section as Section).map((a) => ({ ...a, commands: [...a.commands] }))
      : [{ role: 'administrator', section: null, commands: [] }],
    waitingOn: outside ? (limit?.expectation.partyZh ?? null) : null,
  };
}
