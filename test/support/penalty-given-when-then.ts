import { calendar, givenWhenThen, noonOn } from './decider-given-when-then';
import {
  decidePenaltyCase,
  evolvePenalty,
  initialPenaltyState,
  type Actor,
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

/** The 办案人员 designated when a case is filed: two certified officers, as DecideFiling needs them. */
export const filingTeam = { handlerIds: ['officer-li', 'officer-zhao'], handlers: certified('officer-li', 'officer-zhao') };

export { calendar, noonOn };

const penalty = givenWhenThen<PenaltyState, PenaltyCommand, PenaltyEvent>({
  decide: decidePenaltyCase,
  evolve: evolvePenalty,
  initial: initialPenaltyState,
  actor: officer,
});

export const stateFrom = penalty.stateFrom;
/** given(events).when(command, on, actor).then…: the Emmett style, on the pure decider. */
export const given = penalty.given;
/** Run a sequence of commands, each on its own day, and return every event. */
export const run = penalty.run;
