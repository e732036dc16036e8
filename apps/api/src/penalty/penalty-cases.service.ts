import { Injectable } from '@nestjs/common';
import {
  decidePenaltyCase,
  evolvePenalty,
  initialPenaltyState,
  type Actor,
  type PenaltyCaseCommand,
  type PenaltyOpeningCommand,
} from '@qts/domain';
import { PENALTY_CASE_WORKFLOW, penaltyCommandUpdate, type CommandResult, type PenaltyCaseInput } from '@qts/workflows';
import { CaseProcessGateway } from '../temporal/case-process-gateway';
import { IdentityProvider } from '../auth/identity.provider';

/** Penalty cases: RegisterLead or OpenSummaryCase starts the durable process, later commands are Updates to it. */
@Injectable()
export class PenaltyCasesService {
  constructor(
    private readonly gateway: CaseProcessGateway,
    private readonly identity: IdentityProvider,
  ) {}

  async open(command: PenaltyOpeningCommand, actor: Actor): Promise<CommandResult> {
    const { id, events } = await this.gateway.open({
      idPrefix: 'PEN',
      caseType: 'penalty',
      workflowType: PENALTY_CASE_WORKFLOW,
      section: command.section,
      command,
      actor,
      decide: (ctx) => decidePenaltyCase(initialPenaltyState(), command, ctx),
      input: (caseId, bureauId, calendar): PenaltyCaseInput => ({ caseId, bureauId, calendar, opening: { command, actor } }),
    });
    const state = events.reduce(evolvePenalty, initialPenaltyState());
    return { caseId: id, stage: state.stage, events: events.map((e, i) => ({ seq: i + 1, type: e.type })) };
  }

  async send(caseId: string, command: PenaltyCaseCommand, actor: Actor, idempotencyKey?: string): Promise<CommandResult> {
    return this.gateway.send(caseId, penaltyCommandUpdate, await this.withCredentials(command), actor, idempotencyKey);
  }

  /** The named officers' certificates, from their accounts: whatever the client sent is replaced. */
  private async withCredentials(command: PenaltyCaseCommand): Promise<PenaltyCaseCommand> {
    const credentialsOf = (ids: readonly string[]) => this.identity.users.credentialsOf(ids);
    if (command.type === 'RecordEvidence') return { ...command, officers: await credentialsOf(command.officerIds) };
    if (command.type === 'DecideFiling' && command.handlerIds) return { ...command, handlers: await credentialsOf(command.handlerIds) };
    return command;
  }
}
