import { givenWhenThen } from './decider-given-when-then';
import {
  PENALTY_CASE_TYPE,
  decideEscalation,
  evolveEscalation,
  initialEscalationState,
  type Actor,
  type EscalationCommand,
  type EscalationEvent,
  type EscalationOpeningCommand,
  type EscalationState,
  type EscalationTarget,
} from '@qts/domain';
import { calendar, head, noonOn, officer, system } from './penalty-given-when-then';

export { calendar, head, noonOn, officer, system };
export const chief: Actor = { id: 'chief-zhao', role: 'section_chief', name: '赵科长' };

const escalation = givenWhenThen<EscalationState, EscalationCommand, EscalationEvent>({
  decide: decideEscalation,
  evolve: evolveEscalation,
  initial: initialEscalationState,
  actor: officer,
});

export const escalationStateFrom = escalation.stateFrom;
/** givenEscalation(events).when(command, on, actor).then…, on the pure escalation decider. */
export const givenEscalation = escalation.given;
export const runEscalation = escalation.run;

export function openCommand(
  target: EscalationTarget,
  openedOn: string,
  extra: Partial<EscalationOpeningCommand> = {},
): EscalationOpeningCommand {
  return {
    type: 'OpenEscalation',
    target,
    subject: '建议撤销某认证机构批准书',
    legalGround: '《中华人民共和国认证认可条例》第五十九条',
    caseSummary: {
      caseId: 'PEN-2026-0042',
      caseType: PENALTY_CASE_TYPE,
      title: '某认证机构出具虚假认证结论',
      partyName: '某认证有限公司',
      facts: '日常监督检查发现该机构对未实施现场审核的企业出具认证证书，情节严重。',
    },
    section: 'standards',
    openedOn,
    ...extra,
  };
}

/** Opened on 2026-03-02 (Monday) and submitted by the bureau head on 2026-03-03. */
export function submitted(target: EscalationTarget = { kind: 'cnca' }): EscalationEvent[] {
  return runEscalation([
    { command: openCommand(target, '2026-03-02'), on: '2026-03-02' },
    { command: { type: 'SubmitEscalation', submittedOn: '2026-03-03' }, on: '2026-03-03', actor: head },
  ]);
}
