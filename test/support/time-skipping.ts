import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporal } from '@temporalio/proto';
import { BUREAU_SEARCH_ATTRIBUTE, CASE_TYPE_SEARCH_ATTRIBUTE, SECTION_SEARCH_ATTRIBUTE } from '@qts/workflows';
import { DefaultLogger, Runtime, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { WORKFLOWS_PATH, workflowBundlerOptions } from '@qts/workflows/dist/bundle/bundler-options';

const ROOT = path.resolve(__dirname, '../..');

/** The official time-skipping test server, installed by infra/ (a wrapper that execs the native binary). */
function timeSkippingServerPath(): string {
  return (
    process.env['TEMPORAL_TEST_SERVER_PATH'] ??
    execFileSync('bash', [path.join(ROOT, 'infra/temporal-test-server-path.sh')], { encoding: 'utf8' }).trim()
  );
}

async function startTimeSkipping(): Promise<TestWorkflowEnvironment> {
  quietWorkers();
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: timeSkippingServerPath() } },
  });
  // the case workflows' custom search attributes, as infra/up.sh registers them on the dev server (child workflows
  // start with them)
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(
      [CASE_TYPE_SEARCH_ATTRIBUTE, SECTION_SEARCH_ATTRIBUTE, BUREAU_SEARCH_ATTRIBUTE].map((k) => [
        k.name,
        temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
      ]),
    ),
  });
  return env;
}

export function bundleWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, ...workflowBundlerOptions, logger: { ...silentLogger } });
}

const noop = () => undefined;
const silentLogger = { log: noop, trace: noop, debug: noop, info: noop, warn: noop, error: noop };

let runtimeInstalled = false;
/** Worker lifecycle chatter hides test output: warnings and errors only. */
function quietWorkers(): void {
  if (runtimeInstalled) return;
  Runtime.install({ logger: new DefaultLogger('WARN') });
  runtimeInstalled = true;
}

/**
 * One time-skipping server and one workflow bundle for a test file: started before its tests (together), torn down
 * after them. Read `suite.env` and `suite.bundle` inside the tests.
 */
export function timeSkippingSuite(bundle: () => Promise<WorkflowBundleWithSourceMap> = bundleWorkflows): {
  env: TestWorkflowEnvironment;
  bundle: WorkflowBundleWithSourceMap;
} {
  const suite = {} as { env: TestWorkflowEnvironment; bundle: WorkflowBundleWithSourceMap };
  beforeAll(async () => {
    [suite.env, suite.bundle] = await Promise.all([startTimeSkipping(), bundle()]);
  });
  afterAll(async () => {
    await (suite.env as TestWorkflowEnvironment | undefined)?.teardown();
  });
  return suite;
}
