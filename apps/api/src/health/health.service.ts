import { Injectable } from '@nestjs/common';
import { PgPool } from '@qts/nest-support';
import { ReadModelService } from '../cases/read-model.service';
import { TemporalConnection } from '../temporal/temporal.providers';
import { KafkaAccess } from '../kafka/kafka-access';
import { AppHealth } from './app-health';
import type { HealthReport, ProjectorHealth, ServiceHealth, WorkerHealth } from './answers';

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
    private readonly apps: AppHealth,
  ) {}

  async check(): Promise<HealthReport> {
    const [temporal, kafka, postgres] = await Promise.all([
      probe(() => this.temporal.checkHealth()),
      probe(() => this.kafka.ping()),
      probe(() => this.db.pool.query('SELECT 1')),
    ]);
    const services = { temporal, kafka, postgres };
    const servicesUp = Object.values(services).every((s) => s.status === 'up');
    const [worker, projector, damagedCases] = await Promise.all([
      temporal.status === 'up' ? this.apps.worker().catch(() => null) : null,
      kafka.status === 'up' && postgres.status === 'up' ? this.apps.projector().catch(() => null) : null,
      postgres.status === 'up' ? this.readModel.damagedCount().catch(() => null) : null,
    ]);
    const apps: { api: { status: 'up' }; worker: WorkerHealth | null; projector: ProjectorHealth | null } = {
      api: { status: 'up' },
      worker,
      projector,
    };
    // the read model lacks events of these cases: degraded, named in /api/audit/damaged
    const projection = { status: damagedCases ? ('degraded' as const) : ('up' as const), damagedCases };
    const appsUp = worker?.status === 'up' && projector?.status === 'up';
    // down: a service is (503); degraded: the services answer but an app is gone or cases are damaged (200, say why)
    const status = !servicesUp ? 'down' : appsUp && !damagedCases ? 'up' : 'degraded';
    return { status, services, apps, projection };
  }
}
