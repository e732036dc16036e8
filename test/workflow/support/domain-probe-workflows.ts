// The workflow bundle of the domain-once test: the real workflows plus a probe that reports how often the domain
// was evaluated in its V8 context.
import { domainOnceCounts } from '@qts/workflows/dist/shared/domain-once';

export * from '@qts/workflows';

export async function domainProbeWorkflow(): Promise<{ evaluations: number; calls: number }> {
  return Promise.resolve(domainOnceCounts());
}
