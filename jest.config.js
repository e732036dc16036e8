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
  projects: [
    project('unit'),
    project('workflow', { testTimeout: 120_000 }),
    project('replay', { testTimeout: 120_000 }),
    project('int', { testTimeout: 180_000, globalSetup: '<rootDir>/test/support/int-global-setup.js' }),
  ],
};
