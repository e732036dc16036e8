import { api } from '../api/client';
import { typed } from '../api/typed';

/**
 * The read model follows the workflow within a moment: wait until the case shows event `seq`, or at least exists (seq 1)
 * for a case just opened. The API holds the request until the projector has it (`untilSeq`, at most
 * API_PROJECTION_WAIT_SECONDS each), so the page shows the change as soon as it is there, without polling.
 */
export async function untilProjected(caseId: string, seq: number): Promise<void> {
  for (let i = 0; i < 3; i++) {
    const r = await typed(api.GET('/api/cases/{caseId}', { params: { path: { caseId }, query: { untilSeq: seq } } }));
    if (r.ok && r.data.lastSeq >= seq) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
