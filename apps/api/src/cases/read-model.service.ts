import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '@qts/config';
import {
  countDamagedCases,
  getCase,
  listCases,
  listDamagedCases,
  listNotices,
  migrateReadModel,
  type CaseListFilter,
  type NoticeFilter,
} from '@qts/read-model';
import { APP_CONFIG } from '@qts/nest-support';
import { PgPool } from '@qts/nest-support';

/** Reads of the projection; the API never writes it. */
@Injectable()
export class ReadModelService implements OnModuleInit {
  private readonly schema: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly db: PgPool,
  ) {
    this.schema = config.database.readModelSchema;
  }

  /** The same idempotent, locked migration the projector runs, so whichever starts first prepares the schema. */
  async onModuleInit(): Promise<void> {
    const client = await this.db.pool.connect();
    try {
      await migrateReadModel(client, this.schema);
    } finally {
      client.release();
    }
  }

  getCase(caseId: string) {
    return getCase(this.db.pool, this.schema, caseId);
  }

  listCases(filter: CaseListFilter) {
    return listCases(this.db.pool, this.schema, filter);
  }

  listNotices(filter: NoticeFilter) {
    return listNotices(this.db.pool, this.schema, filter);
  }

  /** Cases with events the projector could not apply (one case when given). */
  damaged(caseId?: string) {
    return listDamagedCases(this.db.pool, this.schema, caseId);
  }

  damagedCount() {
    return countDamagedCases(this.db.pool, this.schema);
  }
}
