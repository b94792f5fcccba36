// @ts-check
import eslint from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // Generated output is guarded by `npm run generate:check`; build and tool output is not source.
    ignores: [
      '**/dist/**',
      '**/.out/**',
      '**/test-results/**',
      '**/coverage/**',
      '.nx/**',
      '**/.tmp/**',
      'packages/client/src/**',
      'packages/webhooks/src/**',
      'packages/client/test/**/__snapshots__/**',
      '**/test/**/__file_snapshots__/**',
      // Copied verbatim into each SDK's test/generated/, where the copy is linted with the package's types.
      'packages/generator/templates/**',
    ],
  },
  eslint.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Scripts and tool configs sit outside every tsconfig: linted without type information.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.config.ts'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['**/test/**/*.ts'],
    rules: {
      // vitest's asymmetric matchers (expect.any, expect.stringContaining) are typed `any` by design.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      // Fakes of async APIs (fetch, file readers) are async functions that need not await.
      '@typescript-eslint/require-await': 'off',
    },
  },
);
