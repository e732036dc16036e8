import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import type { AppConfig } from '@qts/config';
import { APP_CONFIG, PgPool } from '@qts/nest-support';
import { PROJECTED_CHANNEL, lastSeqOf } from '@qts/read-model';

/** more waiting readers than this are answered at once (they then ask again): a bound on held requests and memory */
export const MAX_WAITING_READERS = 2_000;
/** how often waiting readers look without a signal (a lost signal, a listener reconnecting) */
const LOOK_EVERY_MS = 500;
const RECONNECT_AFTER_MS = 1_000;

interface Waiter {
  seq: number;
  done: () => void;
}

/**
 * Read your own writes without polling: `GET /api/cases/:id?untilSeq=N` waits here until the read model holds event N
 * of the case (or the wait ends). Woken by the projector's signal after each commit (LISTEN on one connection of its
 * own), and on its own every 500 ms as long as anyone waits, so a lost signal only delays.
 */
@Injectable()
export class ProjectionWaiter implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ProjectionWaiter.name);
  private readonly schema: string;
  private readonly waiting = new Map<string, Set<Waiter>>();
  private count = 0;
  private listener: Client | undefined;
  private sweep: NodeJS.Timeout | undefined;
  private looking: Promise<void> | undefined;
  private lookAgain = false;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: PgPool,
  ) {
    this.schema = config.database.readModelSchema;
  }

  onModuleInit(): void {
    // not awaited: the API serves without it (readers then look every 500 ms)
    void this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const set of this.waiting.values()) for (const w of set) w.done();
    await this.listener?.end().catch(() => undefined);
  }

  /** Resolves once the read model holds event `seq` of the case, or after `ms`; never rejects. */
  async until(caseId: string, seq: number, ms: number): Promise<void> {
    if (this.count >= MAX_WAITING_READERS || this.stopped) return;
    await new Promise<void>((resolve) => {
      const set = this.waiting.get(caseId) ?? new Set<Waiter>();
      this.waiting.set(caseId, set);
      const timer = setTimeout(() => waiter.done(), ms);
      const waiter: Waiter = {
        seq,
        done: () => {
          clearTimeout(timer);
          if (!set.delete(waiter)) return;
          this.count -= 1;
          if (set.size === 0 && this.waiting.get(caseId) === set) this.waiting.delete(caseId);
          if (this.count === 0) this.stopSweep();
          resolve();
        },
      };
      set.add(waiter);
      this.count += 1;
      this.startSweep();
      // registered first, then a look: an event projected in between is seen either way
      void this.look();
    });
  }

  /** One query for every case anyone waits on; a signal during a look makes it look once more. */
  private look(): Promise<void> {
    if (this.looking) {
      this.lookAgain = true;
      return this.looking;
    }
    this.looking = (async () => {
      try {
        do {
          this.lookAgain = false;
          const ids = [...this.waiting.keys()];
          if (ids.length === 0) break;
          const seqs = await lastSeqOf(this.db.pool, this.schema, ids);
          for (const [caseId, last] of seqs) {
            for (const w of [...(this.waiting.get(caseId) ?? [])]) if (last >= w.seq) w.done();
          }
        } while (this.lookAgain);
      } catch (err) {
        this.logger.warn(`could not look at the read model for waiting readers: ${String(err)}`);
      } finally {
        this.looking = undefined;
      }
    })();
    return this.looking;
  }

  private startSweep(): void {
    this.sweep ??= setInterval(() => void this.look(), LOOK_EVERY_MS);
  }

  private stopSweep(): void {
    if (this.sweep) clearInterval(this.sweep);
    this.sweep = undefined;
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.config.database.url });
    const retry = () => {
      if (this.listener !== client) return;
      this.listener = undefined;
      void client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.listen(), RECONNECT_AFTER_MS).unref();
    };
    this.listener = client;
    client.on('error', retry);
    client.on('end', retry);
    client.on('notification', (msg) => {
      if (msg.channel === PROJECTED_CHANNEL && msg.payload === this.schema && this.count > 0) void this.look();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${PROJECTED_CHANNEL}`);
    } catch (err) {
      this.logger.warn(`not listening for the projector's signal yet: ${String(err)}`);
      retry();
    }
  }
}
