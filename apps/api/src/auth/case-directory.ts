import { Inject, Injectable } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { AppConfig } from '@qts/config';
import { processByWorkflowType, processOf, sectionSchema, type AnyCaseProcess, type Section } from '@qts/domain';
import { tablesOf } from '@qts/read-model';
import { APP_CONFIG, PgPool } from '@qts/nest-support';
import { ApiError } from '../errors/api-error';
import { TemporalConnection } from '../temporal/temporal.providers';
import { SECTION_SEARCH_ATTRIBUTE as SECTION } from '@qts/workflows';

const CACHE_LIMIT = 10_000;

/** Which section owns a case, and of which registered process it is (undefined when nothing says). */
interface CaseEntry {
  section: Section;
  caseType: string | undefined;
}

/**
 * Which section owns a case and which process it runs. Neither ever changes, so answers are cached. Temporal knows at
 * once for a case opened through the API (search attribute; the workflow type names the process); a process started
 * by another (a child escalation) is found in the read model once projected.
 */
@Injectable()
export class CaseDirectory {
  private readonly cache = new Map<string, CaseEntry>();
  private readonly casesTable: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly temporal: TemporalConnection,
    private readonly db: PgPool,
  ) {
    this.casesTable = tablesOf(config.database.readModelSchema).cases;
  }

  async sectionOf(caseId: string): Promise<Section> {
    const entry = await this.find(caseId);
    if (!entry) throw new ApiError(404, 'CASE_NOT_FOUND', `没有案件 ${caseId} / no case ${caseId}`);
    return entry.section;
  }

  /** The section of a case addressed as one of `process`; a case of another process is 404 naming where it lives. */
  async sectionFor(caseId: string, process: AnyCaseProcess): Promise<Section> {
    const section = await this.sectionOf(caseId);
    await this.expectProcess(caseId, process);
    return section;
  }

  /**
   * Refuses a command meant for `process` on a case that runs another process (its Update would not exist there);
   * says nothing about a case it cannot find: Temporal answers that as it always has.
   */
  async expectProcess(caseId: string, process: AnyCaseProcess): Promise<void> {
    const caseType = (await this.find(caseId))?.caseType;
    if (caseType === undefined || caseType === process.caseType) return;
    const actual = processOf(caseType);
    const where = actual ? `/api/${actual.route}/${caseId}/commands` : undefined;
    throw new ApiError(
      404,
      'CASE_OF_ANOTHER_PROCESS',
      `${caseId} 是${actual?.labels.zh ?? caseType}，不是${process.labels.zh}${where ? `；命令请发往 ${where}` : ''} / ` +
        `${caseId} belongs to the ${actual?.labels.en ?? caseType} process, not the ${process.labels.en} process${where ? `: send its commands to ${where}` : ''}`,
      { caseId, caseType, expected: process.caseType, ...(where ? { commandsAt: where } : {}) },
    );
  }

  private async find(caseId: string): Promise<CaseEntry | undefined> {
    const cached = this.cache.get(caseId);
    if (cached) return cached;
    const entry = (await this.fromTemporal(caseId)) ?? (await this.fromReadModel(caseId));
    if (!entry) return undefined;
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(caseId, entry);
    return entry;
  }

  private async fromTemporal(caseId: string): Promise<CaseEntry | undefined> {
    const client = await this.temporal.get();
    try {
      const description = await client.workflow.getHandle(caseId).describe();
      const parsed = sectionSchema.safeParse(description.typedSearchAttributes.get(SECTION));
      return parsed.success ? { section: parsed.data, caseType: processByWorkflowType(description.type)?.caseType } : undefined;
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return undefined;
      throw err;
    }
  }

  private async fromReadModel(caseId: string): Promise<CaseEntry | undefined> {
    const rows = await this.db.pool.query<{ section: string; case_type: string }>(
      `SELECT section, case_type FROM ${this.casesTable} WHERE case_id = $1`,
      [caseId],
    );
    const row = rows.rows[0];
    const parsed = sectionSchema.safeParse(row?.section);
    return parsed.success ? { section: parsed.data, caseType: row?.case_type } : undefined;
  }
}
