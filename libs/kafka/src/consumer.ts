import type { Admin, Batch, Consumer, Kafka } from 'kafkajs';
import type { DeadLetterKind, DeadLetterSink } from './dead-letter';
import { describeError, isPermanentError } from './errors';
import { nextOffset, toInboundMessage, type InboundMessage } from './messages';
import { DEFAULT_RETRY, retryDelayMs, type RetryPolicy } from './retry-policy';

/**
 * A consumer's position kept outside Kafka, e.g. in the same database transaction as the rows a message
 * produced. When given, it is the source of truth: every partition this consumer is assigned starts at the
 * stored offset (the partition's first retained offset when none is stored), whatever the group committed.
 */
export interface PositionStore {
  load(topic: string, partition: number): Promise<string | undefined>;
  /** called for dead-lettered messages; a handler stores the position of the messages it handles itself */
  advance(topic: string, partition: number, nextOffset: string): Promise<void>;
}

export interface ConsumerLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export type MessageOutcome = 'handled' | 'dead-lettered';

export interface ConsumerOptions {
  groupId: string;
  topic: string;
  /** must be idempotent: delivery is at least once */
  handle(message: InboundMessage): Promise<void>;
  /**
   * Optional: a run of consecutive messages of one partition handled at once (e.g. in one transaction), all or
   * nothing, idempotent like handle. When it throws, the same messages go through handle one at a time (with its
   * retries and dead letters), which finds the message at fault.
   */
  handleBatch?(messages: InboundMessage[]): Promise<void>;
  /** the most messages handleBatch is given at once (default 500) */
  maxBatchMessages?: number;
  deadLetter: DeadLetterSink;
  retry?: Partial<RetryPolicy>;
  /**
   * After the last failed attempt of a transient error: dead-letter the message and move on (default), or stop
   * the consumer and report through onFatal, for a consumer that must never skip (a projection whose rows
   * would otherwise silently diverge). Bad input is always dead-lettered.
   */
  whenRetriesExhausted?: 'dead-letter' | 'fail';
  onFatal?: (error: Error) => void;
  position?: PositionStore;
  /** where a group without committed offsets starts when there is no PositionStore */
  fromBeginning?: boolean;
  /** how long the group waits for a silent member (a killed process) before moving its partitions; default 30 s */
  sessionTimeoutMs?: number;
  /** partitions processed in parallel (messages within a partition are always in order) */
  concurrency?: number;
  onSettled?: (message: InboundMessage, outcome: MessageOutcome) => void;
  logger?: ConsumerLogger;
}

export interface RunningConsumer {
  stop(): Promise<void>;
}

/** Stops the consumer: kafkajs does not restart after an error that is not retriable. */
class RetriesExhaustedError extends Error {
  override readonly name = 'RetriesExhaustedError';
  readonly retriable = false;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface BatchContext {
  batch: Batch;
  resolveOffset(offset: string): void;
  heartbeat(): Promise<void>;
  commitOffsetsIfNecessary(): Promise<void>;
  isRunning(): boolean;
  isStale(): boolean;
}

class ManagedConsumer {
  private readonly retry: RetryPolicy;
  private readonly log: ConsumerLogger;
  /** partitions whose first batch since the last join has not been checked against the stored positions */
  private readonly unchecked = new Set<number>();
  private startPositions: Promise<Map<number, string>> = Promise.resolve(new Map<number, string>());

  constructor(
    private readonly consumer: Consumer,
    private readonly admin: Admin | undefined,
    private readonly options: ConsumerOptions,
  ) {
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.log = options.logger ?? console;
    // kafkajs calls listeners synchronously while joining, before the first fetch of the new assignment
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => this.onAssigned(payload.memberAssignment[options.topic] ?? []));
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (payload.restart) return;
      this.log.error(`${options.topic}: consumer stopped: ${describeError(payload.error)}`);
      options.onFatal?.(payload.error);
    });
  }

  /**
   * With a PositionStore, every assigned partition is sought to its stored position at once (the group may have
   * committed nothing, or more than the store holds, e.g. for a fresh schema), and until that is known the
   * partition's first batch waits and is checked, since kafkajs may already have fetched from the committed offset.
   */
  private onAssigned(partitions: number[]): void {
    this.unchecked.clear();
    if (!this.options.position) return;
    for (const partition of partitions) this.unchecked.add(partition);
    this.startPositions = this.loadStartPositions(partitions);
    this.startPositions.then(
      (positions) => {
        for (const [partition, offset] of positions) this.consumer.seek({ topic: this.options.topic, partition, offset });
      },
      (err: unknown) => this.log.error(`${this.options.topic}: cannot load the stored positions: ${describeError(err)}`),
    );
  }

  private async loadStartPositions(partitions: number[]): Promise<Map<number, string>> {
    const store = this.options.position!;
    const topic = this.options.topic;
    const low = new Map((await this.admin!.fetchTopicOffsets(topic)).map((o) => [o.partition, o.low]));
    const positions = new Map<number, string>();
    for (const partition of partitions) positions.set(partition, (await store.load(topic, partition)) ?? low.get(partition) ?? '0');
    return positions;
  }

  async processBatch(ctx: BatchContext): Promise<void> {
    const { topic, partition } = ctx.batch;
    if (this.unchecked.has(partition) && (await this.seekToStoredPosition(ctx.batch))) return;
    const messages = ctx.batch.messages.map((raw) => toInboundMessage(topic, partition, raw));
    const size = this.options.handleBatch ? Math.max(1, this.options.maxBatchMessages ?? 500) : messages.length;
    for (let start = 0; start < messages.length; start += size) {
      if (!ctx.isRunning() || ctx.isStale()) break;
      const run = messages.slice(start, start + size);
      if (this.options.handleBatch && (await this.handledAtOnce(run))) {
        for (const message of run) {
          ctx.resolveOffset(message.offset);
          this.options.onSettled?.(message, 'handled');
        }
        await ctx.heartbeat();
        continue;
      }
      if (!(await this.handleOneByOne(run, ctx))) break;
    }
    await ctx.commitOffsetsIfNecessary();
  }

  private async handledAtOnce(run: InboundMessage[]): Promise<boolean> {
    try {
      await this.options.handleBatch?.(run);
      return true;
    } catch (err) {
      const first = run[0];
      const where = first ? `${first.topic}[${first.partition}]@${first.offset}` : this.options.topic;
      this.log.warn(`${where}: a batch of ${run.length} failed, handling its messages one at a time: ${describeError(err)}`);
      return false;
    }
  }

  /** false when the consumer stopped or lost the partition before the end of the run */
  private async handleOneByOne(run: InboundMessage[], ctx: BatchContext): Promise<boolean> {
    for (const message of run) {
      if (!ctx.isRunning() || ctx.isStale()) return false;
      const outcome = await this.handleWithRetry(message, ctx);
      if (outcome === 'interrupted') return false;
      ctx.resolveOffset(message.offset);
      this.options.onSettled?.(message, outcome);
      await ctx.heartbeat();
    }
    return true;
  }

  /** true when the batch starts elsewhere than the stored position (and a seek there was requested) */
  private async seekToStoredPosition(batch: Batch): Promise<boolean> {
    const first = batch.messages[0];
    if (!first) return false;
    const stored = (await this.startPositions).get(batch.partition);
    this.unchecked.delete(batch.partition);
    if (stored === undefined || stored === first.offset) return false;
    this.log.log(`${batch.topic}[${batch.partition}]: starting at the stored position ${stored}, not at ${first.offset}`);
    this.consumer.seek({ topic: batch.topic, partition: batch.partition, offset: stored });
    return true;
  }

  private async handleWithRetry(message: InboundMessage, ctx: BatchContext): Promise<MessageOutcome | 'interrupted'> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.options.handle(message);
        return 'handled';
      } catch (err) {
        if (isPermanentError(err)) return this.deadLetter(message, err, 'permanent', attempt);
        const where = `${message.topic}[${message.partition}]@${message.offset}`;
        if (attempt >= this.retry.attempts) {
          if (this.options.whenRetriesExhausted === 'fail') {
            throw new RetriesExhaustedError(`${where}: giving up after ${attempt} attempts: ${describeError(err)}`, { cause: err });
          }
          return this.deadLetter(message, err, 'retries-exhausted', attempt);
        }
        const delay = retryDelayMs(this.retry, attempt);
        this.log.warn(`${where}: attempt ${attempt} failed, retrying in ${delay} ms: ${describeError(err)}`);
        await sleep(delay);
        // not resolved, so it is fetched again by whoever owns the partition next
        if (!ctx.isRunning()) return 'interrupted';
        await ctx.heartbeat();
      }
    }
  }

  private async deadLetter(message: InboundMessage, err: unknown, kind: DeadLetterKind, attempts: number): Promise<MessageOutcome> {
    const reason = describeError(err);
    await this.options.deadLetter({ reason, errorName: err instanceof Error ? err.name : 'Error', kind, attempts, original: message });
    await this.options.position?.advance(message.topic, message.partition, nextOffset(message.offset));
    this.log.warn(`${message.topic}[${message.partition}]@${message.offset} dead-lettered (${kind}): ${reason}`);
    return 'dead-lettered';
  }
}

/**
 * Consumes one topic in a consumer group, at least once: a message's offset is committed only after its
 * handler succeeded or it was dead-lettered. Bad input (a zod error or a PermanentError) is dead-lettered at
 * once; other errors are retried with backoff, then dead-lettered or fatal (see whenRetriesExhausted).
 */
export async function startConsumer(kafka: Kafka, options: ConsumerOptions): Promise<RunningConsumer> {
  // a short long-poll: stopping waits for the fetch in flight, and a seek applies from the next fetch
  const consumer = kafka.consumer({
    groupId: options.groupId,
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: 1_000,
    sessionTimeout: options.sessionTimeoutMs ?? 30_000,
  });
  const admin = options.position ? kafka.admin() : undefined;
  const managed = new ManagedConsumer(consumer, admin, options);
  await admin?.connect();
  await consumer.connect();
  await consumer.subscribe({ topic: options.topic, fromBeginning: options.fromBeginning ?? true });
  await consumer.run({
    eachBatchAutoResolve: false,
    partitionsConsumedConcurrently: options.concurrency ?? 1,
    eachBatch: (ctx) => managed.processBatch(ctx),
  });
  return {
    async stop() {
      await consumer.disconnect();
      await admin?.disconnect();
    },
  };
}
