import { maxDate, type IsoDate } from '../shared/iso-date';
import type { EscalationRuleSet } from '../policy/escalation-rules';
import type { z } from 'zod';
import type { EscalationEvent, escalationDeadlineSchema } from './events';
import type { EscalationLevelState, EscalationState } from './state';

function withDeadlines(
  state: EscalationState,
  changes: { set?: z.input<typeof escalationDeadlineSchema>[]; clear?: string[] } | undefined,
): EscalationState {
  if (!changes) return state;
  const deadlines = { ...state.deadlines };
  for (const kind of changes.clear ?? []) delete deadlines[kind];
  for (const d of changes.set ?? []) deadlines[d.kind] = { ...d, reminderOn: d.reminderOn ?? [] };
  return { ...state, deadlines };
}

function acted(state: EscalationState, on: IsoDate): EscalationState {
  return { ...state, lastActDate: state.lastActDate ? maxDate(state.lastActDate, on) : on };
}

function updateLevel(state: EscalationState, key: string, change: (l: EscalationLevelState) => EscalationLevelState): EscalationState {
  return { ...state, chain: state.chain.map((l) => (l.key === key ? change(l) : l)) };
}

/** Pure state transition; the same function drives the workflow and the read model. */
export function evolveEscalation(state: EscalationState, event: EscalationEvent): EscalationState {
  switch (event.type) {
    case 'DeadlinesRecomputed':
      return withDeadlines(state, event.payload.deadlines);
    case 'EscalationOpened': {
      const p = event.payload;
      const chain: EscalationLevelState[] = p.chain.map((l) => ({
        ...l,
        status: 'pending',
        attempts: 0,
        submittedOn: null,
        acknowledgedOn: null,
        acknowledgedBy: null,
        forwardedOn: null,
        decision: null,
        withdrawals: [],
      }));
      return acted(
        {
          ...state,
          stage: 'open',
          target: p.target,
          subject: p.subject,
          legalGround: p.legalGround,
          caseSummary: p.caseSummary,
          section: p.section,
          parent: p.parent,
          openedOn: p.openedOn,
          rules: p.rules as unknown as EscalationRuleSet,
          chain,
          current: 0,
        },
        p.openedOn,
      );
    }
    case 'EscalationSubmitted': {
      const p = event.payload;
      const s = updateLevel({ ...state, current: p.levelIndex }, p.level, (l) => ({
        ...l,
        status: 'submitted',
        attempts: p.attempt,
        submittedOn: p.submittedOn,
        acknowledgedOn: null,
        acknowledgedBy: null,
      }));
      return withDeadlines(acted({ ...s, caseSummary: { ...s.caseSummary, facts: p.facts } }, p.submittedOn), p.deadlines);
    }
    case 'EscalationAcknowledged': {
      const p = event.payload;
      const s = updateLevel(state, p.level, (l) => ({
        ...l,
        status: 'acknowledged',
        acknowledgedOn: p.acknowledgedOn,
        acknowledgedBy: p.acknowledgedBy,
      }));
      return withDeadlines(acted(s, p.acknowledgedOn), p.deadlines);
    }
    case 'EscalationForwarded': {
      const p = event.payload;
      const s = updateLevel(state, p.level, (l) => ({ ...l, status: 'forwarded', forwardedOn: p.forwardedOn }));
      return withDeadlines(acted(s, p.forwardedOn), p.deadlines);
    }
    case 'EscalationDecided': {
      const p = event.payload;
      const decision = { decidedOn: p.decidedOn, decidedBy: p.decidedBy, outcome: p.outcome, reference: p.reference, answer: p.answer };
      const s = updateLevel(state, p.level, (l) => ({ ...l, status: 'decided', decision }));
      return withDeadlines(acted(s, p.decidedOn), p.deadlines);
    }
    case 'EscalationWithdrawn': {
      const p = event.payload;
      const s = updateLevel(state, p.level, (l) => ({
        ...l,
        status: 'withdrawn',
        withdrawals: [...l.withdrawals, { withdrawnOn: p.withdrawnOn, reason: p.reason, intent: p.intent }],
      }));
      return withDeadlines(acted(s, p.withdrawnOn), p.deadlines);
    }
    case 'EscalationClosed': {
      const p = event.payload;
      const s: EscalationState = {
        ...state,
        stage: 'closed',
        outcome: { outcome: p.outcome, closedOn: p.closedOn, decidedByLevel: p.decidedByLevel },
      };
      return withDeadlines(acted(s, p.closedOn), p.deadlines);
    }
    case 'EscalationNoticeRaised':
      return { ...state, raisedNotices: [...state.raisedNotices, event.payload.noticeKey, ...(event.payload.supersedes ?? [])] };
    default: {
      const never: never = event;
      return never;
    }
  }
}
