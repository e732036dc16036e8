import path from 'node:path';
import type { WorkerOptions } from '@temporalio/worker';

type BundlerOptions = NonNullable<WorkerOptions['bundlerOptions']>;

/** The workflows' entry module, for `Worker.create` and `bundleWorkflowCode`. */
export const WORKFLOWS_PATH = path.resolve(__dirname, '../index.js');

const SHARED = path.resolve(__dirname, '../shared');

/**
 * How every worker bundles the workflows (the app's worker, the time-skipping and replay tests, the bench): the
 * domain is evaluated once per reusable V8 context, not once per workflow run (see shared/domain-once.ts).
 * Node-side only: nothing under workflows/src may import this file (it is outside the bundle).
 */
export const workflowBundlerOptions: Required<Pick<BundlerOptions, 'preloadModules' | 'webpackConfigHook'>> = {
  preloadModules: [path.join(SHARED, 'domain-once.js')],
  webpackConfigHook: (config) => {
    const resolve = config.resolve ?? {};
    const alias = Array.isArray(resolve.alias) ? resolve.alias : [];
    if (Array.isArray(resolve.alias)) {
      alias.push({ name: '@qts/domain', onlyModule: true, alias: path.join(SHARED, 'domain-module.js') });
      return { ...config, resolve: { ...resolve, alias } };
    }
    return { ...config, resolve: { ...resolve, alias: { ...resolve.alias, '@qts/domain$': path.join(SHARED, 'domain-module.js') } } };
  },
};
