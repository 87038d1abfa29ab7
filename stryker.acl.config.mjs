// @ts-check
// The acl run (npm run test:mutation:acl): libs/acl against its own specs only, so its score says
// what the acl's tests pin, not what the domain's tests happen to exercise.
import { common } from './stryker.common.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...common,
  jest: { ...common.jest, config: { testMatch: ['<rootDir>/libs/acl/src/**/*.spec.ts'] } },
  // The checker compiles the library alone: a mutant only has to compile as production code.
  tsconfigFile: 'tsconfig.mutation.acl.json',
  mutate: [
    'libs/acl/src/**/*.ts',
    '!libs/acl/src/**/*.spec.ts',
    '!libs/acl/src/index.ts',
    // Spec support, not access rules.
    '!libs/acl/src/testing/**',
  ],
  // The acl imports no other library: its sandbox leaves libs/domain out.
  ignorePatterns: [...common.ignorePatterns, '/libs/domain'],
  incrementalFile: 'reports/mutation/stryker-incremental-acl.json',
  // Its own sandbox directory, so both runs can go side by side.
  tempDirName: '.stryker-tmp/acl',
  htmlReporter: { fileName: 'reports/mutation/acl.html' },
  jsonReporter: { fileName: 'reports/mutation/acl.json' },
  thresholds: { high: 95, low: 90, break: 95 },
};
