import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import prettier from 'eslint-config-prettier'

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

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-bench',
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
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
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
    files: ['src/features/**', 'src/components/**', 'src/stores/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noDexie, ...noApp('app')] }],
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
