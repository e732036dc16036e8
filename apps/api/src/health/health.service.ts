import { Injectable } from '@nestjs/common';
import { PgPool } from '@qts/nest-support';
import { ReadModelService } from '../cases/read-model.service';
import { TemporalConnection } from '../temporal/temporal.providers';
import { KafkaAccess } from '../kafka/kafka-access';
import type { HealthReport, ServiceHealth } from './answers';

const TIMEOUT_MS = 3000;

async function probe(check: () => Promise<unknown>): Promise<ServiceHealth> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      }),
    ]);
    return { status: 'up', latencyMs: Date.now() - started };
  } catch (err) {
    return { status: 'down', latencyMs: Date.now() - started, error: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}

/** Temporal, Kafka and PostgreSQL, each asked for real and reported separately. */
@Injectable()
export class HealthService {
  constructor(
    private readonly temporal: TemporalConnection,
    private readonly kafka: KafkaAccess,
    private readonly db: PgPool,
    private readonly readModel: ReadModelService,
  ) {}

  async check(): Promise<HealthReport> {
    const [temporal, kafka, postgres] = await Promise.all([
      probe(() => this.temporal.checkHealth()),
      probe(() => this.kafka.ping()),
      probe(() => this.db.pool.query('SELECT 1')),
    ]);
    const services = { temporal, kafka, postgres };
    const status = Object.values(services).every((s) => s.status === 'up') ? 'up' : 'down';
    const damagedCases = postgres.status === 'up' ? await this.readModel.damagedCount().catch(() => null) : null;
    // the read model lacks events of these cases: degraded, named in /api/audit/damaged
    const projection = { status: damagedCases ? ('degraded' as const) : ('up' as const), damagedCases };
    return { status: status === 'up' && damagedCases ? 'degraded' : status, services, projection };
  }
}
