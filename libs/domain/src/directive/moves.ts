import type { CaseMoves } from '../kernel/moves';
import type { IsoDate } from '../shared/iso-date';
import type { DirectiveCaseCommand } from './commands';
import { closingProblem } from './decide';
import { sealActive, type DirectiveState } from './state';

type Command = DirectiveCaseCommand['type'];

/** Each command's precondition on the state, as decide.ts checks it (its refusal codes in `notNowCodes`). */
const WHEN: Record<Command, (s: DirectiveState, today: IsoDate) => boolean> = {
  IssueWrittenDirective: (s) => !s.directive,
  RecordRectificationReport: (s) => s.directive !== null && !s.report && !s.refusal,
  RecordReinspection: (s) => s.report !== null && !s.reinspection,
  RecordDirectiveRefusal: (s, today) =>
    s.directive !== null && !s.refusal && (s.reinspection?.result === 'not_rectified' || (!s.report && today > s.directive.rectifyBy)),
  LinkPenaltyCase: (s) => (s.refusal !== null || s.severity !== 'ordinary') && !s.penaltyCaseId,
  SealEquipment: (s) => s.severity !== 'ordinary' && !s.seal,
  ExtendSeal: (s) => sealActive(s),
  ReleaseSeal: (s) => sealActive(s),
  ReportSeriousHazard: (s) => s.severity !== 'ordinary',
  CloseDirective: (s) => closingProblem(s) === null,
};

/** 安全监察指令: whose move, from what the case has on record (it has no stage table: its stage is derived). */
export const directiveMoves: CaseMoves<DirectiveState, Command> = {
  accepts: (state, today) => (state.status !== 'open' ? [] : (Object.keys(WHEN) as Command[]).filter((c) => WHEN[c](state, today))),
  notNowCodes: [
    'CASE_CLOSED',
    'WRITTEN_DIRECTIVE_MISSING',
    'DIRECTIVE_ALREADY_ISSUED',
    'REPORT_ALREADY_RECORDED',
    'DIRECTIVE_REFUSED',
    'NO_RECTIFICATION_REPORT',
    'ALREADY_REINSPECTED',
    'NOT_YET_UNRECTIFIED',
    'NOTHING_TO_PENALISE',
    'PENALTY_ALREADY_LINKED',
    'NOT_A_SERIOUS_HAZARD',
    'ALREADY_SEALED',
    'NOT_SEALED',
    'EMERGENCY_ORDER_WITHOUT_WRITTEN_DIRECTIVE',
    'SEAL_NOT_RELEASED',
  ],
};
