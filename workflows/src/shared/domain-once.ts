import type * as Domain from '@qts/domain';

/**
 * The domain (every process, every zod schema), evaluated once per V8 context instead of once per workflow run.
 *
 * With `reuseV8Context` the SDK gives each new run an empty module cache, so a plain `import` of `@qts/domain`
 * evaluated the whole module graph again for every case (≈ 30 ms of CPU and ≈ 0.7 MiB per cached run: see
 * docs/performance.md). The SDK's own remedy, `preloadModules`, deep-freezes what it preloads, and zod 4.6 memoizes
 * lazily on its schema objects, so a frozen domain fails at its first parse. This module is preloaded (so the
 * variable below lives once per context) and evaluates the domain at the first call, inside a workflow, unfrozen.
 *
 * Safe because the domain keeps no state: its functions are pure (the clock is passed in) and its module scope
 * holds only constants (rules, schemas, labels). A workflow must never mutate what the domain exports.
 * test/workflow/domain-once.workflow.spec.ts checks, through `domainOnceCounts`, that runs share one evaluation.
 */
let evaluated: typeof Domain | undefined;
let evaluations = 0;
let calls = 0;

export function domainOnce(): typeof Domain {
  calls += 1;
  if (evaluated === undefined) {
    evaluations += 1;
    // a static require, so webpack bundles the real entry; `@qts/domain` itself is aliased to domain-module.ts
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    evaluated = require('@qts/domain/dist/index.js') as typeof Domain;
  }
  return evaluated;
}

/** How often the domain was evaluated in this V8 context, and how many module evaluations asked for it. */
export function domainOnceCounts(): { evaluations: number; calls: number } {
  return { evaluations, calls };
}
