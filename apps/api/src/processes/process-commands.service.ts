import { Injectable } from '@nestjs/common';
import type { Actor, AnyCaseProcess, DomainError } from '@qts/domain';
import { commandUpdateOf, type CaseCommandResult, type CaseProcessInput } from '@qts/workflows';
import { CaseProcessGateway } from '../temporal/case-process-gateway';
import { IdentityProvider } from '../auth/identity.provider';
import { CaseDirectory } from '../auth/case-directory';
import { answerOf, type ProcessCommandResult } from './process-answers';

type Command = { type: string } & Record<string, unknown>;

/**
 * Every process over HTTP and the inbound topics, from the registry: an opening command is decided at once by the
 * process's own decider on its initial state and starts the workflow; a later command is the process's Update, sent
 * only to a case of that process. Officers named in a command get their 执法证 from their accounts.
 */
@Injectable()
export class ProcessCommandsService {
  constructor(
    private readonly gateway: CaseProcessGateway,
    private readonly identity: IdentityProvider,
    private readonly cases: CaseDirectory,
  ) {}

  /** `caseId`: a case number fixed by the caller (an inbound report opened once however often it is delivered) */
  async open(process: AnyCaseProcess, command: Command, actor: Actor, caseId?: string): Promise<ProcessCommandResult> {
    const withCredentials = await this.withCredentials(process, command);
    const { id, events } = await this.gateway.open({
      idPrefix: process.idPrefix,
      ...(caseId ? { caseId } : {}),
      caseType: process.caseType,
      workflowType: process.temporal.workflowType,
      section: process.sectionOf(withCredentials),
      command: withCredentials,
      actor,
      decide: (ctx) => process.decide(process.initialState(), withCredentials, ctx) as { type: string }[] | DomainError,
      input: (caseId, bureauId, calendar): CaseProcessInput => ({
        caseId,
        bureauId,
        calendar,
        opening: { command: withCredentials, actor },
      }),
    });
    const typed = events as { type: string }[];
    const state: unknown = typed.reduce<unknown>((s, e) => process.evolve(s, e) as unknown, process.initialState() as unknown);
    const result: CaseCommandResult = {
      caseId: id,
      stage: process.stageOf(state),
      events: typed.map((e, i) => ({ seq: i + 1, type: e.type })),
    };
    return answerOf(process, result);
  }

  async send(process: AnyCaseProcess, id: string, command: Command, actor: Actor, idempotencyKey?: string): Promise<ProcessCommandResult> {
    // the guard has asked already for HTTP (cached); a message from another system has not
    await this.cases.expectProcess(id, process);
    const result = await this.gateway.send(
      id,
      commandUpdateOf(process),
      await this.withCredentials(process, command),
      actor,
      idempotencyKey,
    );
    return answerOf(process, result);
  }

  /** The named officers' certificates, from their accounts: whatever the client sent is replaced. */
  private async withCredentials(process: AnyCaseProcess, command: Command): Promise<Command> {
    let out = command;
    for (const { ids, credentials } of process.commands.credentials ?? []) {
      const named = out[ids];
      if (Array.isArray(named)) out = { ...out, [credentials]: await this.identity.users.credentialsOf(named as string[]) };
    }
    return out;
  }
}
