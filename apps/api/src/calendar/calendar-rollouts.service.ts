import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@qts/config';
import { APP_CONFIG } from '@qts/nest-support';
import { CalendarBatch, isPermanentBatchError } from './calendar-batch';
import { CalendarRolloutStore } from './calendar-rollout-store';
import { CalendarService } from './calendar.service';
import type { CalendarRollout } from './calendar-rollout';

/** How often each API instance starts rollouts still pending and records the progress of running ones. */
const RECONCILE_EVERY_MS = 10_000;

/**
 * Rollouts of loaded notices. The batch runs in Temporal; PostgreSQL keeps who loaded what and the last progress
 * seen. A rollout recorded but not accepted by Temporal (the API stopped, Temporal was away or at its batch limit)
 * stays pending and is started by whichever API instance reconciles next, under the same job id, so exactly once.
 */
@Injectable()
export class CalendarRolloutsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CalendarRolloutsService.name);
  private timer: NodeJS.Timeout | undefined;
  private reconciling: Promise<void> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: CalendarRolloutStore,
    private readonly batch: CalendarBatch,
    private readonly calendar: CalendarService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.reconcile(), RECONCILE_EVERY_MS);
    this.timer.unref();
    void this.reconcile();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.reconciling;
  }

  /** Hands the calendar in force to Temporal as a batch; a passing failure leaves the rollout pending for the next try. */
  async start(rollout: CalendarRollout): Promise<CalendarRollout> {
    if (rollout.state !== 'pending') return rollout;
    try {
      // read afresh: another instance may have loaded this notice less than a cache period ago
      const snapshot = await this.calendar.snapshot({ fresh: true });
      const reason = `载入${rollout.year}年国务院节假日安排（第${rollout.revision}版）/ State Council holiday notice ${rollout.year} (revision ${rollout.revision}) loaded by ${rollout.loadedBy.id}`;
      const started = await this.batch.start(rollout.id, snapshot, reason, `qts-api calendar rollout (${rollout.loadedBy.id})`);
      await this.store.markStarted(rollout.id);
      this.logger.log(
        `calendar rollout ${rollout.id}: ${started ? 'batch started' : 'batch had already started'} (${this.batch.visibilityQuery})`,
      );
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (isPermanentBatchError(err)) {
        await this.store.markFailedToStart(rollout.id, `Temporal 拒绝批处理作业 / Temporal refused the batch job: ${message}`);
        this.logger.error(`calendar rollout ${rollout.id}: Temporal refused the batch: ${message}`);
      } else {
        this.logger.warn(`calendar rollout ${rollout.id}: batch not started yet (${message}); will try again`);
      }
    }
    return (await this.store.get(this.config.bureauId, rollout.id)) ?? rollout;
  }

  /**
   * `start`, answered after at most `ms`: when Temporal is slow or away the rollout is answered as it stands
   * (pending) while the attempt goes on; the reconcile pass covers an attempt that does not succeed.
   */
  async startWithin(rollout: CalendarRollout, ms: number): Promise<CalendarRollout> {
    const attempt = this.start(rollout).catch((err: unknown) => {
      this.logger.warn(`calendar rollout ${rollout.id}: ${err instanceof Error ? err.message : String(err)}`);
      return rollout;
    });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<CalendarRollout>((resolve) => {
      timer = setTimeout(() => resolve(rollout), ms);
    });
    try {
      return await Promise.race([attempt, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** A running rollout with Temporal's current figures (also recorded); any other as last recorded. */
  async refresh(rollout: CalendarRollout): Promise<CalendarRollout> {
    if (rollout.state !== 'running') return rollout;
    try {
      const progress = await this.batch.describe(rollout.id);
      if (progress) await this.store.recordProgress(rollout.id, progress);
      else await this.store.markUnknown(rollout.id);
    } catch (err) {
      this.logger.warn(`calendar rollout ${rollout.id}: progress not available (${err instanceof Error ? err.message : String(err)})`);
      return rollout;
    }
    return (await this.store.get(this.config.bureauId, rollout.id)) ?? rollout;
  }

  async get(id: string): Promise<CalendarRollout | undefined> {
    const rollout = await this.store.get(this.config.bureauId, id);
    return rollout && this.refresh(rollout);
  }

  async list(limit: number, offset: number): Promise<CalendarRollout[]> {
    const rollouts = await this.store.list(this.config.bureauId, limit, offset);
    return Promise.all(rollouts.map((r) => this.refresh(r)));
  }

  /** One pass at a time per instance: start what is pending, record the progress of what runs. */
  reconcile(): Promise<void> {
    this.reconciling ??= this.reconcileOnce()
      .catch((err: unknown) => this.logger.warn(`calendar rollouts not reconciled: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => {
        this.reconciling = undefined;
      });
    return this.reconciling;
  }

  private async reconcileOnce(): Promise<void> {
    for (const rollout of await this.store.open(this.config.bureauId)) {
      await (rollout.state === 'pending' ? this.start(rollout) : this.refresh(rollout));
    }
  }
}
