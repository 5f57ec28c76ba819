import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', 'node_modules/**', '.data/**', 'coverage/**', 'test-results/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      // Input validation deliberately matches control characters.
      'no-control-regex': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through functions/src/config.ts.',
        },
      ],
    },
  },
  {
    files: ['functions/src/config.ts', 'bench/**', 'test/**', 'functions/src/hosts/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['functions/src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', '@azure/*', 'better-sqlite3', '../app/*', '../adapters/*', '../http/*'],
              message: 'core/ is pure: no I/O, no SDKs, no outer layers.',
            },
          ],
        },
      ],
    },
  },
  {
    // The tab imports the contract at run time (react-hook-form resolvers): keep it to zod and core.
    files: ['functions/src/contract/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:*',
                '@azure/*',
                'better-sqlite3',
                'exceljs',
                '../documents/*',
                '../adapters/*',
                '../http/*',
              ],
              message: 'The contract is loaded by the tab: zod, core/ and records/ only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tab/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['test/**', '**/*.test.ts', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
