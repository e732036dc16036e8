import type { CaseMoves } from '../kernel/moves';
import type { EscalationCaseCommand } from './commands';
import { currentLevel, type EscalationLevelStatus, type EscalationState } from './state';

type Command = EscalationCaseCommand['type'];

/** What the level the document is with accepts, by its status (decide.ts checkLevelStatus). */
const BY_LEVEL_STATUS: Record<EscalationLevelStatus, readonly Command[]> = {
  pending: ['SubmitEscalation'],
  submitted: ['RecordAcknowledgement', 'RecordForwarding', 'RecordDecision', 'WithdrawEscalation'],
  acknowledged: ['RecordForwarding', 'RecordDecision', 'WithdrawEscalation'],
  withdrawn: ['ResubmitEscalation'],
  forwarded: [],
  decided: [],
};

/** 上报/移送: whose move, from the current level's status; the last level decides, it forwards nowhere. */
export const escalationMoves: CaseMoves<EscalationState, Command> = {
  accepts: (state) => {
    const level = currentLevel(state);
    if (state.stage !== 'open' || !level) return [];
    const last = state.current + 1 >= state.chain.length;
    return BY_LEVEL_STATUS[level.status].filter((c) => !(c === 'RecordForwarding' && last));
  },
  notNowCodes: ['WRONG_LEVEL_STATUS', 'CASE_CLOSED', 'NO_NEXT_LEVEL'],
};
