import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@qts/config';
import {
  daysBetween,
  movesOf,
  processOf,
  shanghaiDate,
  stageLimitsOn,
  stallReasons,
  whoMustAct,
  type IsoDate,
  type Principal,
  type Section,
  type StageLimit,
} from '@qts/domain';
import { deskOverview, getCaseState, listStalledCases, openCasesDueFirst, type StalledRow } from '@qts/read-model';
import { APP_CONFIG, PgPool } from '@qts/nest-support';
import type { z } from 'zod';
import { ApiError } from '../errors/api-error';
import { IdentityProvider } from '../auth/identity.provider';
import { ReadAccess } from '../cases/read-access.service';
import type { deskCountsAnswer, inboxAnswer, movesAnswer, stalledCaseAnswer, stalledPageAnswer } from './answers';
import { movesFor } from './case-moves';
import { summarise } from './desk-counts';
import { WorkflowHealth } from './workflow-health';

/** the inbox looks at this many open cases at most, soonest due first (a page of 200 at a time) */
const INBOX_SCAN = 2000;
const INBOX_BATCH = 200;

const stagesOf = (caseType: string) => processOf(caseType)?.stages.all ?? [];

/** Whose move, the stalled cases, the desk's counts and the inbox, from the read model's stored states (issue 14). */
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
    const found = await getCaseState(this.db.pool, this.schema, caseId);
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
      moves: movesFor(process, found.state, { principal, caseSection: found.section as Section, assigned }, today),
    };
  }

  async stalled(
    principal: Principal,
    q: { process?: string | undefined; section?: string | undefined; limit?: number | undefined; offset?: number | undefined },
    today: IsoDate = shanghaiDate(Date.now()),
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
      },
      limits.map((l) => ({ caseType: l.caseType, stage: l.stage, days: l.expectation.days })),
      today,
    );
    // technically stuck: asked of Temporal for the listed page only (see workflow-health.ts)
    const technical = await this.workflows.problemsOf(
      page.items.map((r) => r.caseId),
      today,
    );
    return { ...page, items: page.items.map((row) => stalledView(row, limits, today, technical.get(row.caseId) ?? null)) };
  }

  async counts(today: IsoDate = shanghaiDate(Date.now())): Promise<z.output<typeof deskCountsAnswer>> {
    return summarise(await deskOverview(this.db.pool, this.schema, today), today);
  }

  /** The cases where this person (or, with `section`, anyone of that section) must act next, soonest due first. */
  async inbox(
    principal: Principal,
    section: Section | undefined,
    today: IsoDate = shanghaiDate(Date.now()),
  ): Promise<z.output<typeof inboxAnswer>> {
    const visibleTo = await this.access.visibleTo(principal);
    if (section !== undefined && visibleTo && !visibleTo.sections.includes(section))
      throw new ApiError(403, 'SECTION_NOT_VISIBLE', `您不能查看${section}的待办 / you cannot see that section’s inbox`, { section });
    const assignedIds = new Set(await this.identity.assignments.caseIdsOf(principal.id));
    const scope = section !== undefined ? { sections: [section], caseIds: [] } : visibleTo;
    const items: z.output<typeof inboxAnswer>['items'] = [];
    let scanned = 0;
    let complete = false;
    while (scanned < INBOX_SCAN) {
      const batch = await openCasesDueFirst(this.db.pool, this.schema, {
        ...(scope ? { sections: scope.sections, caseIds: scope.caseIds } : {}),
        limit: INBOX_BATCH,
        offset: scanned,
      });
      scanned += batch.length;
      for (const c of batch) {
        const process = processOf(c.caseType);
        if (!process) continue;
        const caseSection = c.section as Section;
        const moves = movesFor(process, c.state, { principal, caseSection, assigned: assignedIds.has(c.caseId) }, today);
        // a section's inbox: the moves someone of the section may send; one's own: the moves one may send
        const mine =
          section !== undefined
            ? moves.filter((m) => movesOfSection(process, c.state, today, m.command, section, caseSection))
            : moves.filter((m) => m.mayISend);
        if (mine.length === 0) continue;
        const dueAt =
          mine
            .map((m) => m.dueAt)
            .filter((d): d is string => d !== null)
            .sort()[0] ?? null;
        items.push({
          caseId: c.caseId,
          caseType: c.caseType,
          caseLabel: process.labels,
          section: c.section,
          stage: c.stage,
          stageLabel: process.stages.label(c.stage),
          title: c.title,
          partyName: c.partyName,
          dueAt,
          overdue: dueAt !== null && dueAt < today,
          moves: mine,
        });
      }
      if (batch.length < INBOX_BATCH) {
        complete = true;
        break;
      }
    }
    items.sort((a, b) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999') || a.caseId.localeCompare(b.caseId));
    return { items, scanned, complete };
  }
}

/** Whether someone of `section` may send the command: a grant on the case's own section, or only for that section. */
function movesOfSection(
  process: NonNullable<ReturnType<typeof processOf>>,
  state: unknown,
  today: IsoDate,
  command: string,
  section: Section,
  caseSection: Section,
): boolean {
  const move = movesOf(process, state, today).find((m) => m.command === command);
  return (
    move?.rule.grants.some((g) =>
      g.scope === 'own_section' ? caseSection === section : typeof g.scope === 'object' && g.scope.onlySection === section,
    ) ?? false
  );
}

function stalledView(
  row: StalledRow,
  limits: readonly StageLimit[],
  today: IsoDate,
  technical: { since: IsoDate; reason: string } | null,
): z.output<typeof stalledCaseAnswer> {
  const process = row.caseType ? processOf(row.caseType) : undefined;
  const limit = limits.find((l) => l.caseType === row.caseType && l.stage === row.stage);
  const stageLabel = process && row.stage ? process.stages.label(row.stage) : null;
  const damaged = row.damaged
    ? {
        since: shanghaiDate(Date.parse(row.damaged.since)),
        reason: `查询库无法写入 ${row.damaged.events} 个事件（已转入死信）：${row.damaged.reason} / events dead-lettered by the projector`,
      }
    : null;
  const reasons = stallReasons(
    {
      stage: row.stage ?? '',
      stageLabelZh: stageLabel?.zh ?? '',
      stageSince: row.stageSince ? shanghaiDate(Date.parse(row.stageSince)) : null,
      deadlines: row.deadlines,
      damaged,
      technical,
    },
    limit,
    today,
  );
  const moves = process && row.state !== null && row.stage !== null ? movesOf(process, row.state, today) : [];
  const outside = reasons.some((r) => r.code === 'OUTSIDE_PARTY_LATE');
  return {
    caseId: row.caseId,
    caseType: row.caseType,
    caseLabel: process?.labels ?? null,
    section: row.section,
    stage: row.stage,
    stageLabel,
    title: row.title,
    partyName: row.partyName,
    since: row.since,
    daysStalled: Math.max(0, daysBetween(row.since, today)),
    reasons,
    mustAct: row.section
      ? whoMustAct(moves, row.section as Section).map((a) => ({ ...a, commands: [...a.commands] }))
      : [{ role: 'administrator', section: null, commands: [] }],
    waitingOn: outside ? (limit?.expectation.partyZh ?? null) : null,
  };
}
