import { Inject, Injectable } from '@nestjs/common';
import { topicNames, type AppConfig } from '@qts/config';
import { readRange, withAdmin, type InboundMessage } from '@qts/kafka';
import { APP_CONFIG, PgPool } from '@qts/nest-support';
import { compareWithEventLog, damagedAmong, loadPositions, projectedSeqs, type EventLogComparison, type LoggedCase } from '@qts/read-model';
import { KafkaAccess } from '../kafka/kafka-access';
import { TemporalConnection } from '../temporal/temporal.providers';

/** Visibility values are quoted in the query: refuse anything that could end the quote. */
function quoted(value: string): string {
  if (/['"\\]/.test(value)) throw new Error(`${JSON.stringify(value)} cannot be used in a Temporal visibility query`);
  return `'${value}'`;
}

/**
 * Compares the read model with the event log: Kafka's case-events topic up to where the projector has read (so
 * events still on their way are not counted as missing), and Temporal's workflows of this deployment (its bureau and
 * task queue) started before the grace period, which names a case whose events never reached Kafka at all.
 */
@Injectable()
export class EventLogAudit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: PgPool,
    private readonly kafka: KafkaAccess,
    private readonly temporal: TemporalConnection,
  ) {}

  async compare(onlyCase?: string): Promise<EventLogComparison & { pendingEvents: number; unreadableEvents: number }> {
    const { logged, pendingEvents, unreadableEvents } = await this.readLog(onlyCase);
    const temporalCases = await this.temporalCases(onlyCase);
    const ids = [...new Set([...logged.keys(), ...temporalCases.keys()])];
    const schema = this.config.database.readModelSchema;
    const [projected, damaged] = await Promise.all([projectedSeqs(this.db.pool, schema, ids), damagedAmong(this.db.pool, schema, ids)]);
    return { ...compareWithEventLog({ logged, projected, damaged, temporalCases }), pendingEvents, unreadableEvents };
  }

  /** The topic from its first retained offset to the projector's position (per partition), as seqs per case. */
  private async readLog(onlyCase?: string) {
    const topic = topicNames(this.config).caseEvents;
    const schema = this.config.database.readModelSchema;
    const { offsets, exists } = await withAdmin(this.kafka.kafka, async (admin) => {
      const present = (await admin.listTopics()).includes(topic);
      return { exists: present, offsets: present ? await admin.fetchTopicOffsets(topic) : [] };
    });
    const logged = new Map<string, LoggedCase>();
    if (!exists) return { logged, pendingEvents: 0, unreadableEvents: 0 };
    const projectorAt = await loadPositions(this.db.pool, schema, topic);
    const from = new Map<number, bigint>();
    const to = new Map<number, bigint>();
    let pendingEvents = 0;
    for (const o of offsets) {
      const low = BigInt(o.low);
      const high = BigInt(o.high);
      const read = BigInt(projectorAt.get(o.partition) ?? '0');
      const upTo = read < high ? read : high;
      from.set(o.partition, low);
      to.set(o.partition, upTo > low ? upTo : low);
      pendingEvents += Number(high - (upTo > low ? upTo : low));
    }
    let unreadableEvents = 0;
    const note = (message: InboundMessage) => {
      const event = loggedEventOf(message);
      if (!event) return void (unreadableEvents += 1);
      if (onlyCase !== undefined && event.caseId !== onlyCase) return;
      const entry = logged.get(event.caseId) ?? { caseType: event.caseType, seqs: new Set<number>() };
      entry.seqs.add(event.seq);
      logged.set(event.caseId, entry);
    };
    await readRange(this.kafka.kafka, topic, from, to, { each: (message) => Promise.resolve(note(message)) });
    return { logged, pendingEvents, unreadableEvents };
  }

  /** Workflow ids (= case ids) of this deployment started before the grace period, with their case type. */
  private async temporalCases(onlyCase?: string): Promise<Map<string, string | null>> {
    // a quote cannot be in a visibility query, nor in a case number: no workflow has such an id
    if (onlyCase !== undefined && /['"\\]/.test(onlyCase)) return new Map();
    const client = await this.temporal.get();
    const before = new Date(Date.now() - this.config.audit.logGraceSeconds * 1000).toISOString();
    const query = [
      `BureauId = ${quoted(this.config.bureauId)}`,
      `TaskQueue = ${quoted(this.config.temporal.taskQueue)}`,
      `StartTime < ${quoted(before)}`,
      ...(onlyCase === undefined ? [] : [`WorkflowId = ${quoted(onlyCase)}`]),
    ].join(' AND ');
    const found = new Map<string, string | null>();
    for await (const workflow of client.workflow.list({ query })) {
      const caseType = workflow.searchAttributes['CaseType']?.[0];
      found.set(workflow.workflowId, typeof caseType === 'string' ? caseType : null);
    }
    return found;
  }
}

/** The case and sequence number of a case-events message, or null when it cannot be read (then it is dead-lettered). */
function loggedEventOf(message: InboundMessage): { caseId: string; seq: number; caseType: string | null } | null {
  try {
    const envelope = JSON.parse(message.value?.toString('utf8') ?? 'null') as Record<string, unknown> | null;
    const caseId = envelope?.['caseId'];
    const seq = envelope?.['seq'];
    if (typeof caseId !== 'string' || typeof seq !== 'number' || !Number.isInteger(seq)) return null;
    const caseType = envelope?.['caseType'];
    return { caseId, seq, caseType: typeof caseType === 'string' ? caseType : null };
  } catch {
    return null;
  }
}
