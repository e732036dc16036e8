import type { z } from 'zod';
import type { Actor, Section } from '../shared/actor';
import type { DomainError } from '../shared/domain-error';
import type { DecideContext } from '../shared/decide-guards';
import type { Rule } from '../authorization/command-policy';
import type { CaseProjection } from '../events/case-projection';
import type { CaseEffect, CaseOrigin } from './effects';
import type { EscalationOutcome } from './escalation-outcome';
import type { Labels } from './labels';
import type { CaseMoves } from './moves';

/** A limit counted in hours, as the desk reads it. */
export interface HourLimitDue {
  readonly kind: string;
  readonly labelZh: string;
  readonly labelEn: string;
  /** the instant it passes (ISO 8601) */
  readonly dueAt: string;
  readonly legalSource: string;
}

/** The two commands only the runner sends, as the system identity: the clock, and a newly loaded calendar. */
export type ClockCommand = { type: 'Tick' } | { type: 'RecomputeDeadlines' };

interface Typed {
  readonly type: string;
}

/**
 * One durable case process (案件流程), everything the platform needs to know of it: the generic Temporal runner,
 * the API's routes and OpenAPI, the authorisation guard, the read model, the calendar rollout and the UI all read
 * this record; nothing else lists the processes. A new process is a decider module plus one of these in PROCESSES.
 *
 * - S: the state `evolve` folds the events into (the same in the workflow and in the read model)
 * - O: the commands that open a case; C: the commands a running case accepts from people; E: its events
 * - Sys: commands only the runner itself sends (e.g. the outcome of a child escalation)
 */
export interface CaseProcess<
  S = unknown,
  O extends Typed = Typed,
  C extends Typed = Typed,
  E extends Typed = Typed,
  Sys extends Typed = never,
> {
  /** the case type on every event envelope, in the read model and in the `CaseType` search attribute */
  readonly caseType: string;
  readonly labels: Labels;
  /** case numbers read PREFIX-YYYYMMDD-xxxxxxxx */
  readonly idPrefix: string;
  /** HTTP: POST /api/{route} opens, POST /api/{route}/:id/commands sends a command */
  readonly route: string;
  /** Temporal names; they are in running executions' histories and never change */
  readonly temporal: { readonly workflowType: string; readonly commandUpdate: string; readonly stateQuery: string };

  readonly commands: {
    readonly opening: z.ZodType<O>;
    readonly running: z.ZodType<C>;
    readonly labels: Readonly<Record<O['type'] | C['type'], Labels>>;
    /** who may send each command: role × scope, with the legal basis */
    readonly policy: Readonly<Record<O['type'] | C['type'], Rule>>;
    /** the commands the system identity may send through the command Update (integrations), besides the clock */
    systemMay(command: C): boolean;
    /**
     * Officers named in a command whose 执法证 the API attaches from their accounts (whatever a client sent in
     * `credentials` is replaced): `ids` names the field with the officer ids, `credentials` the field filled in.
     */
    readonly credentials?: readonly { readonly ids: string; readonly credentials: string }[];
  };
  readonly events: {
    readonly schemaVersion: number;
    readonly payloadSchemas: Readonly<Record<E['type'], z.ZodType>>;
    readonly labels: Readonly<Record<E['type'], Labels>>;
    parse(type: string, payload: unknown): E;
  };
  readonly stages: {
    /** every stage name `stageOf` can return */
    readonly all: readonly string[];
    label(stage: string): Labels;
  };

  initialState(): S;
  evolve(state: S, event: E): S;
  decide(state: S, command: O | C | Sys | ClockCommand, ctx: DecideContext): E[] | DomainError;
  /** the next instant the clock has something to decide (a `Tick`), or null */
  nextWakeUp(state: S, now: number): number | null;
  isClosed(state: S): boolean;
  stageOf(state: S): string;
  /**
   * Limits counted in hours, not days (an accident's reports upward): still owed, each with its instant. A process that
   * has them keeps them in its state under `hourLimits` (the desk's stalled query reads that key), so a case is stalled
   * the moment one passes rather than the next day.
   */
  hourLimitsOf?(state: S): readonly HourLimitDue[];
  /** the section that owns a case opened by this command */
  sectionOf(opening: O): Section;
  readonly projection: CaseProjection<S>;
  /** whose move: the commands a case accepts now (kernel/moves.ts); every process declares it (conformance suite) */
  readonly moves?: CaseMoves<S, C['type']>;

  /** what an event asks the runner to do once it is published (child processes, outbound documents) */
  effectsOf?(event: E, state: S, origin: CaseOrigin, actor: Actor): CaseEffect[];
  /** the system command that records the outcome of an escalation this case started */
  onEscalationOutcome?(outcome: EscalationOutcome): Sys;
  /** the parent to tell, and what, when the case closes (a child process) */
  parentNotice?(state: S, origin: CaseOrigin): { workflowId: string; outcome: EscalationOutcome } | null;
}

/** A process as the registry holds it (its type parameters erased). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCaseProcess = CaseProcess<any, any, any, any, any>;
