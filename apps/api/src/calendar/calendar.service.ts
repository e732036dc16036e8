import { buildCalendarSnapshot } from '@qts/holiday-calendar';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { shanghaiDate, stateCouncilNoticeSchema, type Actor, type CalendarSnapshot, type StateCouncilNotice } from '@qts/domain';
import type { AppConfig } from '@qts/config';
import { APP_CONFIG } from '@qts/nest-support';
import { PgPool } from '@qts/nest-support';
import { ReferenceTables } from '../db/reference-tables';
import { CalendarRolloutStore } from './calendar-rollout-store';
import type { CalendarRollout } from './calendar-rollout';

const CACHE_MS = 60_000;

/**
 * The working-day calendar: chinese-days for the years it covers, State Council notices loaded by an
 * administrator for the years it does not, statutory holidays alone beyond that (flagged provisional).
 */
@Injectable()
export class CalendarService {
  private readonly logger = new Logger(CalendarService.name);
  private readonly table: string;
  private cached: { at: number; snapshot: CalendarSnapshot } | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: PgPool,
    private readonly rollouts: CalendarRolloutStore,
    tables: ReferenceTables,
  ) {
    this.table = tables.table('calendar_notices');
  }

  async notices(): Promise<StateCouncilNotice[]> {
    const { rows } = await this.db.pool.query<{ notice: unknown }>(`SELECT notice FROM ${this.table} ORDER BY year`);
    return rows.map((r) => stateCouncilNoticeSchema.parse(r.notice));
  }

  /** The calendar in force (cached for a minute; `fresh` reads the notices again). */
  async snapshot(options: { fresh?: boolean } = {}): Promise<CalendarSnapshot> {
    if (!options.fresh && this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.snapshot;
    const year = Number(shanghaiDate(Date.now()).slice(0, 4));
    const snapshot = buildCalendarSnapshot({ fromYear: year - 1, toYear: year + 4, notices: await this.notices() });
    this.cached = { at: Date.now(), snapshot };
    return snapshot;
  }

  /**
   * Loads (or replaces) a year's notice and records its rollout to every running case of this bureau (started by
   * CalendarRolloutsService). The same notice again records nothing new and answers the rollout it had.
   */
  async load(
    notice: StateCouncilNotice,
    actor: Actor,
  ): Promise<{ rollout: CalendarRollout; repeated: boolean; snapshot: CalendarSnapshot }> {
    const { rollout, repeated } = await this.rollouts.recordLoad(this.config.bureauId, notice, actor);
    const snapshot = await this.snapshot({ fresh: true });
    this.logger.log(
      repeated
        ? `calendar notice for ${notice.year} loaded again by ${actor.id}: unchanged, rollout ${rollout.id} stands`
        : `calendar notice for ${notice.year} loaded by ${actor.id}: rollout ${rollout.id}`,
    );
    return { rollout, repeated, snapshot };
  }
}
