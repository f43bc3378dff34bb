import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/*.d.ts', '.data/**', 'test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx, 'import-x': importX },
    rules: {
      'import-x/no-cycle': 'error',
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
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['node:*'], message: 'browser-safe code: put Node-only rules in @candor/domain-node' }] }] },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts', 'libs/testing/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
);
