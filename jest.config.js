/** Test tiers live in the file name: *.unit.spec.ts, *.workflow.spec.ts, *.replay.spec.ts, *.int.spec.ts. */
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
    },
  ],
};
const project = (name, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  transform,
  rootDir: __dirname,
  testMatch: [`<rootDir>/test/**/*.${name}.spec.ts`],
  ...extra,
});

module.exports = {
  // long enough for the integration tier; a stuck test still fails, with the step it was waiting for
  testTimeout: 120_000,
  projects: [
    project('unit'),
    project('workflow'),
    project('replay'),
    project('int', {
      globalSetup: '<rootDir>/test/support/int-global-setup.js',
      globalTeardown: '<rootDir>/test/support/int-global-teardown.js',
    }),
    // the web app in Debian's chromium (playwright-core) on the real stack; screenshots in .local/test-results/screenshots/web-app
    project('browser', {
      globalSetup: '<rootDir>/test/support/int-global-setup.js',
      globalTeardown: '<rootDir>/test/support/int-global-teardown.js',
    }),
    // random and hostile bodies against every route of the OpenAPI document, on the real services
    project('fuzz', {
      globalSetup: '<rootDir>/test/support/int-global-setup.js',
      globalTeardown: '<rootDir>/test/support/int-global-teardown.js',
    }),
    // kill -9 of every app and service under load (kills the shared services: runs alone, last)
    project('faults', {
      globalSetup: '<rootDir>/test/support/int-global-setup.js',
      globalTeardown: '<rootDir>/test/support/int-global-teardown.js',
    }),
  ],
};
