// Three kinds of tests, each runnable alone: pure unit specs, integration specs that talk to a
// server (Postgres, Redis, SMTP on loopback), and end-to-end specs through HTTP.
const moduleNameMapper = {
  '^@portal/(domain|commands|acl|event-store|read-store|read-models|platform|client|projector|mailer|runtime|blob-store|tracing)$':
    '<rootDir>/libs/$1/src',
};
// Packages shipped only as ES modules (Nest 12 and a few of its dependencies): Jest before Node
// 24.9 cannot require them, so they are compiled to CommonJS for the tests (node loads them natively).
const esmOnly = [
  '@nestjs',
  'file-type',
  'strtok3',
  'token-types',
  'uint8array-extras',
  '@borewit',
  '@tokenizer',
  'cookie',
  'content-disposition',
];
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
  [`node_modules/(${esmOnly.join('|')})/.+\\.js$`]: '<rootDir>/test/support/esm-to-cjs.transformer.cjs',
};
const common = {
  testEnvironment: 'node',
  moduleNameMapper,
  transform,
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  rootDir: __dirname,
  moduleFileExtensions: ['ts', 'js', 'json'],
};

/** @type {import('jest').Config} */
module.exports = {
  // Integration and e2e tests start databases and apps; a global option (jest ignores it per project).
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/web/'],
    },
    // The customer's pages import each other as `./x.js` (browser ES modules): mapped to the sources
    // here only, so no package's own `.js` imports are touched.
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/apps/web/**/*.spec.ts'],
      moduleNameMapper: { ...moduleNameMapper, '^(\\.{1,2}/.*)\\.js$': '$1' },
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'],
    },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
    // Fault tests (npm run test:faults): kills, outages, races and hostile input, slower than the rest.
    { ...common, displayName: 'faults', testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'] },
  ],
};
