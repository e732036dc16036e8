import { authorize, movesOf, type AnyCaseProcess, type IsoDate, type Principal, type Section } from '@qts/domain';
import type { z } from 'zod';
import type { moveAnswer } from './answers';

type MoveView = z.infer<typeof moveAnswer>;

/**
 * The commands a case accepts now (the process's moves), who may send each (its policy row), and whether this person
 * may: the same `authorize` the guard runs on the command itself, for the case's section and the person's assignment.
 */
export function movesFor(
  process: AnyCaseProcess,
  state: unknown,
  who: { principal: Principal; caseSection: Section; assigned: boolean },
  today: IsoDate,
): MoveView[] {
  return movesOf(process, state, today).map((move) => {
    const decision = authorize({
      action: move.command,
      rule: move.rule,
      principal: who.principal,
      caseSection: who.caseSection,
      assigned: who.assigned,
      today,
    });
    const d = move.deadline;
    return {
      command: move.command,
      label: move.label,
      roles: move.rule.grants.map((g) => g.role),
      scope: move.rule.grants.map((g) => (typeof g.scope === 'string' ? g.scope : `only:${g.scope.onlySection}`)).join(','),
      basis: move.rule.basis,
      mayISend: decision.allowed,
      ...(decision.allowed ? {} : { reasonIfNot: decision.message }),
      dueAt: d?.due ?? null,
      deadline: d ? { kind: d.kind, labelZh: d.labelZh, labelEn: d.labelEn, legalSource: d.legalSource, due: d.due } : null,
    };
  });
}
