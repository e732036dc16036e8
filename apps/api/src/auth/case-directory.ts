import { Inject, Injectable } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { AppConfig } from '@qts/config';
import { sectionSchema, type Section } from '@qts/domain';
import { tablesOf } from '@qts/read-model';
import { APP_CONFIG, PgPool } from '@qts/nest-support';
import { ApiError } from '../errors/api-error';
import { TemporalConnection } from '../temporal/temporal.providers';
import { SECTION_SEARCH_ATTRIBUTE as SECTION } from '@qts/workflows';

const CACHE_LIMIT = 10_000;

/**
 * Which section owns a case. A case's section never changes, so answers are cached. Temporal knows at once for a
 * case opened through the API (search attribute); a process started by another (a child escalation) is found in
 * the read model once projected.
 */
@Injectable()
export class CaseDirectory {
  private readonly cache = new Map<string, Section>();
  private readonly casesTable: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly temporal: TemporalConnection,
    private readonly db: PgPool,
  ) {
    this.casesTable = tablesOf(config.database.readModelSchema).cases;
  }

  async sectionOf(caseId: string): Promise<Section> {
    const cached = this.cache.get(caseId);
    if (cached) return cached;
    const section = (await this.fromTemporal(caseId)) ?? (await this.fromReadModel(caseId));
    if (!section) throw new ApiError(404, 'CASE_NOT_FOUND', `没有案件 ${caseId} / no case ${caseId}`);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(caseId, section);
    return section;
  }

  private async fromTemporal(caseId: string): Promise<Section | undefined> {
    const client = await this.temporal.get();
    try {
      const description = await client.workflow.getHandle(caseId).describe();
      const parsed = sectionSchema.safeParse(description.typedSearchAttributes.get(SECTION));
      return parsed.success ? parsed.data : undefined;
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return undefined;
      throw err;
    }
  }

  private async fromReadModel(caseId: string): Promise<Section | undefined> {
    const rows = await this.db.pool.query<{ section: string }>(`SELECT section FROM ${this.casesTable} WHERE case_id = $1`, [caseId]);
    const parsed = sectionSchema.safeParse(rows.rows[0]?.section);
    return parsed.success ? parsed.data : undefined;
  }
}
