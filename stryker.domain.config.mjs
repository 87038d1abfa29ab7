// @ts-check
// The domain run (npm run test:mutation:domain): the deciders and evolvers of libs/domain (the
// rules that accept or refuse a command and the folds that rebuild state) against the domain's own
// specs. The helpers, events, commands and state types around them are not mutated.
import { common } from './stryker.common.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...common,
  jest: { ...common.jest, config: { testMatch: ['<rootDir>/libs/domain/src/**/*.spec.ts'] } },
  // The checker compiles the library (and the acl it imports) without the specs.
  tsconfigFile: 'tsconfig.mutation.domain.json',
  mutate: ['libs/domain/src/**/*.decide.ts', 'libs/domain/src/**/*.evolve.ts'],
  incrementalFile: 'reports/mutation/stryker-incremental-domain.json',
  // Its own sandbox directory, so both runs can go side by side.
  tempDirName: '.stryker-tmp/domain',
  htmlReporter: { fileName: 'reports/mutation/domain.html' },
  jsonReporter: { fileName: 'reports/mutation/domain.json' },
  thresholds: { high: 95, low: 85, break: 85 },
};
