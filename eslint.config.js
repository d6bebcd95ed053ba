// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Named exports only, and no global fetch: every file gets these, whatever its boundary entries add. */
const RESTRICTED_SYNTAX = [
  {
    selector: "AssignmentExpression[left.object.name='globalThis'][left.property.name='fetch']",
    message: 'Inject fetch through options; never assign globalThis.fetch.',
  },
  { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
];

// Package boundaries, as /work/shared/DESIGN.md "Dependency rules" states them. Each entry lists which
// of our packages its files may import statically and, additionally, through `await import()`; later
// entries override earlier ones for the files they match. Anything else under @atlas-checkpoints/ is
// an error, new packages included. `tools` may import anything, so no entry covers it.
const TESTS = ['**/*.test.ts', '**/*.test.tsx', '**/test/**', '**/test-helpers/**'];
const BOUNDARIES = [
  { files: ['packages/core/**'], imports: [], rule: 'core imports no package of ours, not even in its tests' },
  { files: ['packages/testkit/**'], imports: ['core'], rule: 'testkit imports only core' },
  {
    files: ['apps/**'],
    imports: ['core'],
    rule: 'an app imports core; testkit only lazily from its demo entry point, and in tests; never another app',
  },
  {
    // The demo entry points: testkit is loaded by `await import()` only when --demo runs, never on a hot path.
    files: ['apps/tui/src/cli/demo.ts', 'apps/api/src/cli/main.ts'],
    imports: ['core'],
    lazily: ['testkit'],
    rule: 'a demo entry point loads testkit only through `await import()`, so other commands never pay for it',
  },
  { files: TESTS.map((glob) => `apps/${glob}`), imports: ['core', 'testkit'], rule: "an app's tests import core and testkit" },
];

/** Matches any specifier under @atlas-checkpoints/ except `allowed` packages (and their subpaths). */
function ourPackagesExcept(/** @type {string[]} */ allowed) {
  return allowed.length === 0 ? '^@atlas-checkpoints/' : `^@atlas-checkpoints/(?!(?:${allowed.join('|')})(?:/|$))`;
}

const boundaryConfigs = BOUNDARIES.map(({ files, imports, lazily = [], rule }) => {
  const message = `${rule} (DESIGN.md "Dependency rules").`;
  const lazyRegex = ourPackagesExcept([...imports, ...lazily]).replaceAll('/', '\\/');
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: ourPackagesExcept(imports), message }] }],
      'no-restricted-syntax': [
        'error',
        ...RESTRICTED_SYNTAX,
        { selector: `ImportExpression[source.value=/${lazyRegex}/]`, message },
      ],
    },
  };
});

// No relative import climbs out of its package root: another package is imported by its name. A file
// `depth` directories below its package root (packages/* and apps/* at two levels, tools at one) climbs
// out with `depth + 1` leading `../`. typescript-eslint's copy of no-restricted-imports carries this, so
// its options never replace the boundary entries above.
const MAX_DEPTH = 12;
const climbConfigs = Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => ({
  files: [`{packages,apps}/*/${'*/'.repeat(depth)}*`, `tools/${'*/'.repeat(depth)}*`],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: `^(?:\\./)?(?:\\.\\./){${depth}}\\.\\.(?:/|$)`,
            message: 'Import another package by its name, never by a relative path out of this package.',
          },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**', '**/.nx/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      // Re-raising a caught value or an AbortSignal's reason (typed any/unknown) is how cancellation
      // propagates; literals and other non-Error values are still reported, as only-throw-error does.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
      // `async` on a function that implements a Promise-returning interface without awaiting turns a
      // synchronous throw into a rejection, which callers rely on; a forgotten await is caught by
      // no-floating-promises and await-thenable instead.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ...RESTRICTED_SYNTAX],
    },
  },
  ...boundaryConfigs,
  ...climbConfigs,
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
  {
    // Every project's Vitest config is the workspace's one base config.
    files: ['{packages,apps}/*/vitest.config.ts', 'tools/vitest.config.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.config.ts', '**/*.config.js', 'eslint.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
