import { partitionOffsets } from '@qts/kafka';
import { loadPositions } from '@qts/read-model';
import type { TestServices } from './services';

/** true when the positions stored in `schema` are at the end of every partition of the case-events topic */
export async function caughtUp(services: TestServices, schema: string): Promise<boolean> {
  const admin = services.kafka.admin();
  await admin.connect();
  try {
    const offsets = await partitionOffsets(admin, services.topics.caseEvents);
    const positions = await loadPositions(services.pool, schema, services.topics.caseEvents);
    return [...offsets].every(([partition, { high }]) => high === '0' || positions.get(partition) === high);
  } finally {
    await admin.disconnect();
  }
}
