import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '.local/**',
      'coverage/**',
      'apps/web-app/src/api/schema.d.ts',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'import-x/no-cycle': 'error',
      'no-restricted-imports': ['error', { patterns: ['../../libs/*', '../../../libs/*', '**/libs/*/src/*'] }],
    },
  },
  {
    // workflow code must be deterministic: no Node built-ins, no wall clock, no randomness
    files: ['workflows/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process', 'http', 'https', 'net', '**/bundle/*'] },
      ],
      'no-restricted-globals': ['error', 'setTimeout', 'setInterval'],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'use workflow uuid4() or deterministic ids' },
        { object: 'Date', property: 'now', message: 'read workflow time through workflowNow() (workflows/src/shared/workflow-time.ts)' },
      ],
    },
  },
  {
    files: ['workflows/src/shared/workflow-time.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // the domain is pure: no I/O, the clock is passed in
    files: ['libs/domain/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'node:*',
            'fs',
            'path',
            'crypto',
            'os',
            'child_process',
            'http',
            'https',
            'net',
            '@temporalio/*',
            '@nestjs/*',
            'kafkajs',
            'pg',
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'the domain takes the current time as an argument' },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'the domain takes the current time as an argument',
        },
      ],
    },
  },
  {
    // the web app (React): the rules of hooks; it runs in the browser, so no Node built-ins
    files: ['apps/web-app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // cycles among the app's own files; not followed into packages (vite's lightningcss has a folder named `node`,
      // which import-x's legacy resolver lookup loads as the "node" resolver and fails on)
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'no-restricted-imports': ['error', { patterns: ['node:*', '@qts/*', '../../libs/*'] }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      'no-restricted-imports': 'off',
    },
  },
);
