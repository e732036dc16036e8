import { buildCalendarSnapshot } from '@qts/holiday-calendar';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { shanghaiDate, stateCouncilNoticeSchema, type Actor, type CalendarSnapshot, type StateCouncilNotice } from '@qts/domain';
import type { AppConfig } from '@qts/config';
import { PENALTY_CASE_WORKFLOW, calendarUpdatedSignal } from '@qts/workflows';
import { APP_CONFIG } from '@qts/nest-support';
import { PgPool } from '@qts/nest-support';
import { TemporalConnection } from '../temporal/temporal.providers';
import { ReferenceTables } from '../db/reference-tables';

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
    private readonly temporal: TemporalConnection,
    tables: ReferenceTables,
  ) {
    this.table = tables.table('calendar_notices');
  }

  async notices(): Promise<StateCouncilNotice[]> {
    const { rows } = await this.db.pool.query<{ notice: unknown }>(`SELECT notice FROM ${this.table} ORDER BY year`);
    return rows.map((r) => stateCouncilNoticeSchema.parse(r.notice));
  }

  async snapshot(): Promise<CalendarSnapshot> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.snapshot;
    const year = Number(shanghaiDate(Date.now()).slice(0, 4));
    const snapshot = buildCalendarSnapshot({ fromYear: year - 1, toYear: year + 4, notices: await this.notices() });
    this.cached = { at: Date.now(), snapshot };
    return snapshot;
  }

  /** Loads (or replaces) a year's notice and hands the new calendar to every running case of this bureau. */
  async load(notice: StateCouncilNotice, actor: Actor): Promise<{ snapshot: CalendarSnapshot; casesSignalled: number }> {
    await this.db.pool.query(
      `INSERT INTO ${this.table} (year, notice, loaded_by) VALUES ($1, $2, $3)
       ON CONFLICT (year) DO UPDATE SET notice = EXCLUDED.notice, loaded_by = EXCLUDED.loaded_by, loaded_at = now()`,
      [notice.year, JSON.stringify(notice), JSON.stringify(actor)],
    );
    this.cached = undefined;
    const snapshot = await this.snapshot();
    const client = await this.temporal.get();
    let casesSignalled = 0;
    const query = `WorkflowType = '${PENALTY_CASE_WORKFLOW}' AND ExecutionStatus = 'Running' AND BureauId = '${this.config.bureauId}'`;
    for await (const wf of client.workflow.list({ query })) {
      await client.workflow.getHandle(wf.workflowId).signal(calendarUpdatedSignal, snapshot);
      casesSignalled += 1;
    }
    this.logger.log(`calendar notice for ${notice.year} loaded by ${actor.id}; ${casesSignalled} running cases updated`);
    return { snapshot, casesSignalled };
  }
}
