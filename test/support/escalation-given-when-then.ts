import {
  decideEscalation,
  evolveEscalation,
  initialEscalationState,
  isDomainError,
  type Actor,
  type DomainError,
  type EscalationCommand,
  type EscalationEvent,
  type EscalationOpeningCommand,
  type EscalationState,
  type EscalationTarget,
} from '@qts/domain';
import { calendar, head, noonOn, officer, system } from './penalty-given-when-then';

export { calendar, head, noonOn, officer, system };
export const chief: Actor = { id: 'chief-zhao', role: 'section_chief', name: '赵科长' };

export function escalationStateFrom(events: EscalationEvent[]): EscalationState {
  return events.reduce(evolveEscalation, initialEscalationState());
}

/** given(events).when(command, on, actor).then…, on the pure escalation decider. */
export function givenEscalation(history: EscalationEvent[]) {
  const state = escalationStateFrom(history);
  return {
    state,
    when(command: EscalationCommand, today: string, actor: Actor = officer) {
      const result = decideEscalation(state, command, { now: noonOn(today), actor, calendar });
      return {
        result,
        thenEvents(): EscalationEvent[] {
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

export function runEscalation(
  steps: { command: EscalationCommand; on: string; actor?: Actor }[],
  history: EscalationEvent[] = [],
): EscalationEvent[] {
  const events = [...history];
  for (const step of steps)
    events.push(
      ...givenEscalation(events)
        .when(step.command, step.on, step.actor ?? officer)
        .thenEvents(),
    );
  return events;
}

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
      caseType: 'penalty',
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
