// @ts-check
// The smaller mutation run (npm run test:mutation:acl): libs/acl against its own specs only, so
// its score says what the acl's tests pin, not what the domain's tests happen to exercise.
import { common } from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...common,
  jest: { ...common.jest, config: { testMatch: ['<rootDir>/libs/acl/src/**/*.spec.ts'] } },
  mutate: ['libs/acl/src/**/*.ts', '!libs/acl/src/**/*.spec.ts', '!libs/acl/src/index.ts'],
  incrementalFile: 'reports/mutation/stryker-incremental-acl.json',
  htmlReporter: { fileName: 'reports/mutation/acl.html' },
  thresholds: { high: 95, low: 90, break: 95 },
};
