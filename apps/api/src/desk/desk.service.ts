import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@qts/config';
import { PROCESSES, processOf, shanghaiDate, stageLimitsOn, type IsoDate, type Principal, type Section } from '@qts/domain';
import { deskOverview, getCaseState, listDamagedCases, listDeskCases, listStalledCases, type DeskCaseFilter } from '@qts/read-model';
import { APP_CONFIG, PgPool } from '@qts/nest-support';
import type { z } from 'zod';
import { ApiError } from '../errors/api-error';
import { IdentityProvider } from '../auth/identity.provider';
import { ReadAccess } from '../cases/read-access.service';
import type { deskCountsAnswer, movesAnswer, stalledPageAnswer } from './answers';
import { movesFor } from './case-moves';
import { summarise } from './desk-counts';
import { stalledView } from './stalled-view';
import { WorkflowHealth } from './workflow-health';

const stagesOf = (caseType: string) => processOf(caseType)?.stages.all ?? [];

/** Whose move, the stalled cases and the desk's counts, from the read model's stored states (issue 14). */
@Injectable()
export class DeskService {
  private readonly schema: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly db: PgPool,
    private readonly identity: IdentityProvider,
    private readonly access: ReadAccess,
    private readonly workflows: WorkflowHealth,
  ) {
    this.schema = config.database.readModelSchema;
  }

  async moves(caseId: string, principal: Principal, today: IsoDate = shanghaiDate(Date.now())): Promise<z.output<typeof movesAnswer>> {
    const [found, [damaged]] = await Promise.all([
      getCaseState(this.db.pool, this.schema, caseId),
      listDamagedCases(this.db.pool, this.schema, caseId),
    ]);
    if (!found && damaged)
      throw new ApiError(
        409,
        'CASE_DAMAGED',
        `案件 ${caseId} 的事件无法写入查询库，已通知管理员 / the case's events could not be projected`,
        {
          damaged,
        },
      );
    if (!found)
      throw new ApiError(404, 'CASE_NOT_FOUND', `案件 ${caseId} 不存在（或尚未进入查询库）/ no such case in the read model`, { caseId });
    await this.access.shown(principal, found);
    const process = processOf(found.caseType);
    if (!process) throw new ApiError(409, 'UNKNOWN_CASE_TYPE', `案件类型 ${found.caseType} 未注册 / not a registered process`);
    const assigned = found.section !== principal.section && (await this.identity.assignments.isAssigned(caseId, principal.id));
    return {
      caseId,
      caseType: found.caseType,
      section: found.section,
      stage: found.stage,
      stageLabel: process.stages.label(found.stage),
      closed: found.closed,
      damaged: damaged !== undefined,
      moves: movesFor(process, found.state, { principal, caseSection: found.section as Section, assigned }, today),
    };
  }

  async stalled(
    principal: Principal,
    q: { process?: string | undefined; section?: string | undefined; limit?: number | undefined; offset?: number | undefined },
    today: IsoDate = shanghaiDate(Date.now()),
    now: number = Date.now(),
  ): Promise<z.output<typeof stalledPageAnswer>> {
    const limits = stageLimitsOn(today, stagesOf);
    const visibleTo = await this.access.visibleTo(principal);
    const page = await listStalledCases(
      this.db.pool,
      this.schema,
      {
        ...(q.process !== undefined ? { caseType: q.process } : {}),
        ...(q.section !== undefined ? { section: q.section } : {}),
        ...(q.limit !== undefined ? { limit: q.limit } : {}),
        ...(q.offset !== undefined ? { offset: q.offset } : {}),
        ...(visibleTo ? { visibleTo } : {}),
        hourLimits: {
          now: new Date(now).toISOString(),
          caseTypes: PROCESSES.filter((p) => p.hourLimitsOf !== undefined).map((p) => p.caseType),
        },
      },
      limits.map((l) => ({ caseType: l.caseType, stage: l.stage, days: l.expectation.days })),
      today,
    );
    // technically stuck: asked of Temporal for the listed page only (see workflow-health.ts)
    const technical = await this.workflows.problemsOf(
      page.items.map((r) => r.caseId),
      today,
    );
    return { ...page, items: page.items.map((row) => stalledView(row, limits, today, technical.get(row.caseId) ?? null, now)) };
  }

  /** The open cases behind a figure of the desk (process, stage, section, age, overdue), soonest due first. */
  async cases(principal: Principal, filter: Omit<DeskCaseFilter, 'visibleTo'>, today: IsoDate = shanghaiDate(Date.now())) {
    const visibleTo = await this.access.visibleTo(principal);
    return listDeskCases(this.db.pool, this.schema, { ...filter, ...(visibleTo ? { visibleTo } : {}) }, today);
  }

  async counts(today: IsoDate = shanghaiDate(Date.now())): Promise<z.output<typeof deskCountsAnswer>> {
    return summarise(await deskOverview(this.db.pool, this.schema, today), today);
  }
}
