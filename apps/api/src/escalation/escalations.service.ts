import { Injectable } from '@nestjs/common';
import {
  decideEscalation,
  escalationStage,
  evolveEscalation,
  initialEscalationState,
  type Actor,
  type EscalationCaseCommand,
  type EscalationOpeningCommand,
} from '@qts/domain';
import { ESCALATION_WORKFLOW, escalationCommandUpdate, type EscalationCommandResult, type EscalationInput } from '@qts/workflows';
import { CaseProcessGateway } from '../temporal/case-process-gateway';

/** Escalations (上报/移送) opened by an officer: the same decider answers at once, then the durable process runs. */
@Injectable()
export class EscalationsService {
  constructor(private readonly gateway: CaseProcessGateway) {}

  async open(command: EscalationOpeningCommand, actor: Actor): Promise<EscalationCommandResult> {
    const { id, events } = await this.gateway.open({
      idPrefix: 'ESC',
      caseType: 'escalation',
      workflowType: ESCALATION_WORKFLOW,
      section: command.section,
      command,
      actor,
      decide: (ctx) => decideEscalation(initialEscalationState(), command, ctx),
      input: (escalationId, bureauId, calendar): EscalationInput => ({ escalationId, bureauId, calendar, opening: { command, actor } }),
    });
    const state = events.reduce(evolveEscalation, initialEscalationState());
    return { caseId: id, escalationId: id, stage: escalationStage(state), events: events.map((e, i) => ({ seq: i + 1, type: e.type })) };
  }

  async send(
    escalationId: string,
    command: EscalationCaseCommand,
    actor: Actor,
    idempotencyKey?: string,
  ): Promise<EscalationCommandResult> {
    const result = await this.gateway.send(escalationId, escalationCommandUpdate, command, actor, idempotencyKey);
    return { ...result, escalationId: result.caseId };
  }
}
