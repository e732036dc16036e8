import { buildCalendarSnapshot } from '@qts/holiday-calendar';
import { WorkingDayCalendar, isDomainError, type Actor, type DecideContext, type DomainError } from '@qts/domain';

export const calendar = new WorkingDayCalendar(buildCalendarSnapshot({ fromYear: 2024, toYear: 2028, notices: [] }));

/** Noon in Asia/Shanghai on a legal date. */
export function noonOn(date: string): number {
  return Date.parse(`${date}T12:00:00+08:00`);
}

interface Decider<S, C, E> {
  decide: (state: S, command: C, ctx: DecideContext) => E[] | DomainError;
  evolve: (state: S, event: E) => S;
  initial: () => S;
  /** who acts when a step names nobody */
  actor: Actor;
}

/** given(events).when(command, on, actor).then…, and run(steps): the Emmett style, on any pure decider. */
export function givenWhenThen<S, C, E extends { type: string }>(d: Decider<S, C, E>) {
  const stateFrom = (events: E[]): S => events.reduce(d.evolve, d.initial());
  const given = (history: E[]) => {
    const state = stateFrom(history);
    return {
      state,
      when(command: C, today: string, actor: Actor = d.actor, compat?: DecideContext['compat']) {
        const result = d.decide(state, command, { now: noonOn(today), actor, calendar, ...(compat ? { compat } : {}) });
        return {
          result,
          thenEvents(): E[] {
            if (isDomainError(result)) throw new Error(`expected events, got refusal ${result.code}: ${result.message}`);
            return result;
          },
          thenRefused(code: string): DomainError {
            if (!isDomainError(result)) throw new Error(`expected refusal ${code}, got events ${result.map((e) => e.type).join(', ')}`);
            expect(result.code).toBe(code);
            return result;
          },
        };
      },
    };
  };
  /** Run a sequence of commands, each on its own day, and return every event. */
  const run = (steps: { command: C; on: string; actor?: Actor }[], history: E[] = []): E[] => {
    const events = [...history];
    for (const step of steps)
      events.push(
        ...given(events)
          .when(step.command, step.on, step.actor ?? d.actor)
          .thenEvents(),
      );
    return events;
  };
  return { stateFrom, given, run };
}
