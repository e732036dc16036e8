import type { Rule } from '../authorization/grants';
import type { OpenDeadline } from '../events/case-projection';
import type { IsoDate } from '../shared/iso-date';
import type { AnyCaseProcess } from './case-process';
import type { Labels } from './labels';

/**
 * Whose move (issue 14): what a process declares so that the commands a case accepts now can be computed from its
 * state. The conformance suite proves, on every state its fixtures reach, that a command listed is not refused by
 * `decide` for one of `notNowCodes` and that a command not listed is.
 */
export interface CaseMoves<S, T extends string = string> {
  /** the running commands people may send that this state accepts now (closed: none) */
  accepts(state: S, today: IsoDate): readonly T[];
  /** the refusal codes by which the decider says "not at this stage / not in this state" */
  readonly notNowCodes: readonly string[];
  /**
   * refusals that depend on what the command says as much as on the state (the same act recorded twice, a report to
   * an addressee not owed one): they prove nothing either way about the stage
   */
  readonly repeatCodes?: readonly string[];
  /**
   * the open deadline(s) that say by when a command is due, by deadline kind (a kind matches itself and `kind:…`);
   * a command not named here is due by the case's earliest open deadline
   */
  readonly governedBy?: Partial<Record<T, readonly string[]>>;
}

/** One command a case accepts now: what, who may send it (the policy row), and by when. */
export interface Move {
  readonly command: string;
  readonly label: Labels;
  readonly rule: Rule;
  readonly deadline: OpenDeadline | null;
}

function governing(kinds: readonly string[] | undefined, open: readonly OpenDeadline[]): OpenDeadline | null {
  if (!kinds) return open[0] ?? null;
  return open.find((d) => kinds.some((k) => d.kind === k || d.kind.startsWith(`${k}:`))) ?? null;
}

/** The moves of a case of `process` in `state` on `today`; none for a process that declares no moves, or a closed case. */
export function movesOf(process: AnyCaseProcess, state: unknown, today: IsoDate): Move[] {
  const moves = process.moves as CaseMoves<unknown> | undefined;
  if (!moves || process.isClosed(state)) return [];
  const open = process.projection.view(state).deadlines;
  const policy = process.commands.policy as Record<string, Rule>;
  const labels = process.commands.labels as Record<string, Labels>;
  return moves.accepts(state, today).flatMap((command) => {
    const rule = policy[command];
    const label = labels[command];
    if (!rule || !label) return [];
    return [{ command, label, rule, deadline: governing(moves.governedBy?.[command], open) }];
  });
}

/** `accepts` from a table of the commands each stage accepts, optionally narrowed by the state. */
export function byStage<S, St extends string, T extends string>(
  stageOf: (state: S) => St,
  table: Partial<Record<St, readonly T[]>>,
  narrow?: (state: S, command: T, today: IsoDate) => boolean,
): (state: S, today: IsoDate) => readonly T[] {
  return (state, today) => (table[stageOf(state)] ?? []).filter((c) => !narrow || narrow(state, c, today));
}
