import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import { defineConfig } from 'eslint/config';
import importX, { createNodeResolver, flatConfigs as importXConfigs } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

// One configuration for every project: typescript-eslint's strict, type-checked rules (each file is
// checked against the nearest tsconfig.json, specs included) and import cycles.
export default defineConfig(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/*.d.ts', '.data/**', 'test-output/**'] },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx, 'import-x': importX },
    settings: {
      ...importXConfigs.typescript.settings,
      // Without a resolver that knows .ts files, no-cycle sees no module and finds no cycle.
      'import-x/resolver': undefined,
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'] })],
    },
    rules: {
      'import-x/no-cycle': 'error',
      // A number prints the same in any template (ids, counts, SQL placeholders such as `$${i}`).
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `onClick={() => setOpen(true)}` is the React idiom, not a confusing use of a void value.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // React ignores what an event handler returns, so an async handler (react-hook-form's submit) is fine there.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // Nest modules are classes that only carry a decorator.
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }],
      // Off: without noUncheckedIndexedAccess a row read by index is typed as always there, so this rule
      // asks to delete not-found and fail-closed checks (the policy guard's, the session's).
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // Off: response shapes are classes only for @nestjs/swagger's decorators and are built as literals.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      // Off: entities and response classes are plain data; spreading them into a response is the design.
      '@typescript-eslint/no-misused-spread': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // apps may import libs; libs never import apps; api and worker never import each other.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            // Factories and demo data (libs/testing, libs/demo-data): tests and `npm start` only, never an app.
            { sourceTag: 'type:dev', onlyDependOnLibsWithTags: ['type:lib', 'type:dev'] },
            // The browser bundle may only hold browser-safe code: Node-only libs (node:crypto, pg, ...) stay out of the web.
            { sourceTag: 'scope:browser', onlyDependOnLibsWithTags: ['scope:browser'] },
            { sourceTag: 'scope:node', onlyDependOnLibsWithTags: ['scope:node', 'scope:browser'] },
          ],
        },
      ],
    },
  },
  {
    // Browser-safe code: no Node built-ins either (Node-only domain rules live in @candor/domain-node).
    files: ['libs/domain/src/**/*.ts', 'apps/web/src/**/*.ts', 'apps/web/src/**/*.tsx'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*'], message: 'browser-safe code: put Node-only rules in @candor/domain-node' }] },
      ],
    },
  },
  {
    // Test code and its factories read API answers as untyped JSON.
    files: ['**/*.spec.ts', '**/*.spec.tsx', 'test/**/*.ts', 'libs/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      // Off in tests: jest's asymmetric matchers (expect.any, expect.stringContaining) and the calls a
      // jest.fn() records are typed any.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      // A test may say a value is there with `!`: were it missing, the test fails anyway.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
