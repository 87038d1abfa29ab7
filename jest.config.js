// Three kinds of tests, each runnable alone: pure unit specs, integration specs that talk to a
// server (Postgres, Redis, SMTP on loopback), and end-to-end specs through HTTP.
const moduleNameMapper = {
  '^@portal/(domain|acl|event-store|read-store|read-models|platform)$': '<rootDir>/libs/$1/src',
  '^@portal/(api|projector|mailer)$': '<rootDir>/apps/$1/src',
};
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }] };
const common = {
  testEnvironment: 'node',
  moduleNameMapper,
  transform,
  rootDir: __dirname,
  moduleFileExtensions: ['ts', 'js', 'json'],
};

/** @type {import('jest').Config} */
module.exports = {
  // Integration and e2e tests start databases and apps; a global option (jest ignores it per project).
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'],
    },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
