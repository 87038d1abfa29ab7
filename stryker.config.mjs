// @ts-check
// Mutation testing of the security core (npm run test:mutation): would a test fail if a rule in
// libs/acl or a decider/evolver in libs/domain changed? Too slow for CI; run it by hand.

/** Settings shared by the full run and the acl-only run (stryker.acl.config.mjs). */
export const common = {
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.mutation.config.js', enableFindRelatedTests: true },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutation.json',
  // Only the tests that cover a mutant run against it.
  coverageAnalysis: 'perTest',
  // Reruns test only the mutants whose code or covering tests changed since the last run.
  incremental: true,
  // The machine is shared: two workers at most, and generous time before a slow run counts as a
  // hang (a timeout counts as killed, so a tight limit on a loaded machine inflates the score).
  concurrency: 2,
  timeoutMS: 10000,
  reporters: ['html', 'clear-text', 'progress'],
  clearTextReporter: { allowColor: false, logTests: false },
  // The sandbox needs only the two libraries and the configs; the rest of the repository is not copied.
  ignorePatterns: [
    '/apps',
    '/test',
    '/bench',
    '/scripts',
    '/data',
    '/dist',
    '/coverage',
    '/reports',
    '/libs/*',
    '!/libs/acl',
    '!/libs/domain',
  ],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...common,
  mutate: [
    'libs/acl/src/**/*.ts',
    'libs/domain/src/**/*.ts',
    '!libs/*/src/**/*.spec.ts',
    '!libs/*/src/**/testing/**',
    '!libs/*/src/**/index.ts',
  ],
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  thresholds: { high: 95, low: 85, break: 85 },
};
