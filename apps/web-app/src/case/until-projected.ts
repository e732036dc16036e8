import { api } from '../api/client';
import { typed } from '../api/typed';

/**
 * The read model follows the workflow within a moment: wait (up to ~10 s) until the case shows event `seq`, or at least
 * exists (seq 1) for a case just opened.
 */
export async function untilProjected(caseId: string, seq: number): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const r = await typed(api.GET('/api/cases/{caseId}', { params: { path: { caseId } } }));
    if (r.ok && r.data.lastSeq >= seq) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
