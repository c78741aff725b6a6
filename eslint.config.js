import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import prettier from 'eslint-config-prettier'
import tracemark from './eslint/tracemark-rules.js'

// Import boundaries of STYLE.md: app -> features -> {db, lib, stores, components};
// lib imports nothing of the app; only db/ and workers/ touch Dexie; workers import no React.
const boundary = (group, message) => ({ group, message })
const noReact = boundary(
  ['react', 'react-dom', 'react/*', 'zustand', 'wouter', 'dexie-react-hooks'],
  'no React here',
)
const noDexie = boundary(['dexie'], 'only src/db (and the workers) import dexie')
const noApp = (...dirs) =>
  dirs.map((d) => boundary([`**/${d}/*`, `**/${d}`], `this layer must not import from src/${d}`))
/** Features, components and stores reach the database only through src/data. */
const noConnection = boundary(
  ['**/db/instance', 'dexie-react-hooks'],
  'ask src/data (live-query hooks, writes that report failure), not the database',
)
const TABLES = 'datasets|traces|texts|annotations|relations|taxonomies|lexicons|prefs'
/** `db.<table>` outside src/db: every table access goes through a src/db module. */
const noTableAccess = {
  selector: `MemberExpression[object.name='db'][property.name=/^(${TABLES})$/]`,
  message: 'only src/db touches tables: add or use a function in a src/db module',
}

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-bench',
      'dist-bundle',
      'node_modules',
      'test-results',
      'playwright-report',
      'bench/results',
      '.bench-data',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      // Type-aware rules (floating promises) need the TypeScript project.
      parserOptions: {
        // bench/peer is outside every tsconfig (an adapter page built by the bench only).
        projectService: { allowDefaultProject: ['bench/peer/*.tsx'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'react-hooks': reactHooks, tracemark },
    rules: {
      // A promise is awaited, returned, or handed to the data layer: never dropped.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      'tracemark/no-cross-feature': 'error',
      'tracemark/no-cycle': 'error',
      ...reactHooks.configs.recommended.rules,
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      // With noUncheckedIndexedAccess, `list[i]!` after a bounds check is the honest idiom.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // This rule only tells that the React Compiler would skip a component; we do not use it.
      'react-hooks/incompatible-library': 'off',
    },
  },
  {
    files: ['src/lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noReact,
            noDexie,
            ...noApp('app', 'features', 'db', 'stores', 'components', 'workers'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [noReact, ...noApp('app', 'features', 'stores', 'components', 'workers')] },
      ],
    },
  },
  {
    files: ['src/workers/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [noReact, ...noApp('app', 'features', 'stores', 'components')] },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    // Tests may seed and inspect tables directly: that is what they check.
    ignores: ['src/db/**', 'src/**/*.test.{ts,tsx}', 'src/testing/**'],
    rules: { 'no-restricted-syntax': ['error', noTableAccess] },
  },
  {
    files: ['src/features/**', 'src/components/**', 'src/stores/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noDexie, noConnection, ...noApp('app')] }],
    },
  },
  {
    // The page's layer over the database: Dexie's liveQuery is allowed here, tables are not.
    files: ['src/data/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...noApp('app', 'features')] }],
    },
  },
  {
    files: ['bench/**/*.mjs', 'bench/**/*.js', '*.js'],
    // Bench scripts run in node but hand callbacks to the page (page.evaluate).
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { 'no-console': 'off' },
  },
  prettier,
)
