import type { WorkerOptions } from '@temporalio/worker';

type BundlerOptions = NonNullable<WorkerOptions['bundlerOptions']>;

/** The workflows' entry module, for `Worker.create` and `bundleWorkflowCode`. */
export const WORKFLOWS_PATH = require.resolve('../index.js');

// Node-side on purpose (it configures the bundler; nothing in the bundle imports it): files found by require.resolve
const DOMAIN_ONCE = require.resolve('../shared/domain-once.js');
const DOMAIN_MODULE = require.resolve('../shared/domain-module.js');

/**
 * How every worker bundles the workflows (the app's worker, the time-skipping and replay tests, the bench): the
 * domain is evaluated once per reusable V8 context, not once per workflow run (see shared/domain-once.ts).
 * Node-side only: nothing under workflows/src may import this file (it is outside the bundle).
 */
export const workflowBundlerOptions: Required<Pick<BundlerOptions, 'preloadModules' | 'webpackConfigHook'>> = {
  preloadModules: [DOMAIN_ONCE],
  webpackConfigHook: (config) => {
    // the SDK's own configuration gives aliases as an object (its converters and ignored modules)
    const alias = config.resolve?.alias;
    if (Array.isArray(alias)) throw new Error('workflow bundle: resolve.alias is a list; expected the SDK object form');
    return { ...config, resolve: { ...config.resolve, alias: { ...alias, '@qts/domain$': DOMAIN_MODULE } } };
  },
};
