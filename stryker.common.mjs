// @ts-check
// Mutation testing of the security core (npm run test:mutation): would a test fail if a rule in
// libs/acl or a decider/evolver in libs/domain changed? Too slow for CI; run it by hand.

/** Settings shared by the acl run (stryker.acl.config.mjs) and the domain run (stryker.domain.config.mjs). */
export const common = {
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.mutation.config.js', enableFindRelatedTests: true },
  checkers: ['typescript'],
  // Only the tests that cover a mutant run against it.
  coverageAnalysis: 'perTest',
  // Reruns test only the mutants whose code or covering tests changed since the last run.
  incremental: true,
  // The machine is shared: two workers at most, and generous time before a slow run counts as a
  // hang (a timeout counts as killed, so a tight limit on a loaded machine inflates the score).
  concurrency: 2,
  timeoutMS: 10000,
  reporters: ['html', 'json', 'clear-text', 'progress'],
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
    '/.stryker-tmp',
    '/libs/*',
    '!/libs/acl',
    '!/libs/domain',
  ],
  cleanTempDir: 'always',
};
