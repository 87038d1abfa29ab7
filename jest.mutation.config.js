// The unit specs of the security core, for mutation testing (npm run test:mutation). A plain
// config rather than jest.config.js's projects: Stryker runs one Jest config, and these specs are
// pure, so they need neither the ESM transform of the Nest packages nor any server.
const base = require('./jest.config.js').projects.find((project) => project.displayName === 'unit');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: base.testEnvironment,
  moduleNameMapper: base.moduleNameMapper,
  moduleFileExtensions: base.moduleFileExtensions,
  rootDir: __dirname,
  transform: { '^.+\\.ts$': base.transform['^.+\\.ts$'] },
  testMatch: ['<rootDir>/libs/{acl,domain}/src/**/*.spec.ts'],
  setupFiles: ['<rootDir>/jest.mutation.setup.js'],
  // Leaves out the related spec files in which no test covering the mutant would run.
  testSequencer: '<rootDir>/jest.mutation.sequencer.js',
};
