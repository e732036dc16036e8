import { buildCalendarSnapshot } from '@qts/holiday-calendar';
import {
  WorkingDayCalendar,
  decidePenaltyCase,
  evolvePenalty,
  initialPenaltyState,
  isDomainError,
  type Actor,
  type DomainError,
  type OfficerCredential,
  type PenaltyCommand,
  type PenaltyEvent,
  type PenaltyState,
} from '@qts/domain';

export const officer: Actor = { id: 'officer-li', role: 'officer', name: '李明' };
export const head: Actor = { id: 'head-wang', role: 'bureau_head', name: '王局长' };
export const committee: Actor = { id: 'committee', role: 'case_review_committee', name: '案审会' };
export const system: Actor = { id: 'system', role: 'system' };

/** Officers with 执法证 valid 2024–2029, as the API attaches them to RecordEvidence from the accounts. */
export function certified(...ids: string[]): OfficerCredential[] {
  return ids.map((id, i) => ({ id, name: id, certificate: { number: `CERT-${i + 1}`, validFrom: '2024-01-01', validTo: '2029-12-31' } }));
}

export const calendar = new WorkingDayCalendar(buildCalendarSnapshot({ fromYear: 2024, toYear: 2028, notices: [] }));

/** Noon in Asia/Shanghai on a legal date. */
export function noonOn(date: string): number {
  return Date.parse(`${date}T12:00:00+08:00`);
}

export function stateFrom(events: PenaltyEvent[]): PenaltyState {
  return events.reduce(evolvePenalty, initialPenaltyState());
}

/** given(events).when(command, on, actor).then…: the Emmett style, on the pure decider. */
export function given(history: PenaltyEvent[]) {
  const state = stateFrom(history);
  return {
    state,
    when(command: PenaltyCommand, today: string, actor: Actor = officer) {
      const result = decidePenaltyCase(state, command, { now: noonOn(today), actor, calendar });
      return {
        result,
        thenEvents(): PenaltyEvent[] {
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
}

/** Run a sequence of commands, each on its own day, and return every event. */
export function run(steps: { command: PenaltyCommand; on: string; actor?: Actor }[], history: PenaltyEvent[] = []): PenaltyEvent[] {
  const events = [...history];
  for (const step of steps) {
    events.push(
      ...given(events)
        .when(step.command, step.on, step.actor ?? officer)
        .thenEvents(),
    );
  }
  return events;
}
