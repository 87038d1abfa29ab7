// @ts-check
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// libs/domain and libs/acl hold the business rules as pure TypeScript: no framework, no driver,
// no I/O and no app code may leak into them.
const pureLibForbidden = {
  patterns: [
    { group: ['@nestjs/*', '@nestjs/**'], message: 'Pure libs must not depend on Nest.' },
    {
      group: [
        'pg',
        '@electric-sql/*',
        '@eventstore/*',
        '@kurrent/*',
        'mongodb',
        'bullmq',
        'ioredis',
        'nodemailer',
        '@node-rs/*',
        'fastify',
        '@fastify/*',
        'passport*',
        'jsonwebtoken',
      ],
      message: 'Pure libs must not depend on drivers or infrastructure.',
    },
    {
      group: ['node:fs', 'node:net', 'node:http', 'node:child_process', 'fs', 'net', 'http', 'child_process'],
      message: 'Pure libs do no I/O.',
    },
    {
      group: [
        '@portal/commands',
        '@portal/runtime',
        '@portal/projector',
        '@portal/mailer',
        '@portal/event-store',
        '@portal/read-store',
        '@portal/read-models',
        '@portal/platform',
        '**/apps/**',
      ],
      message: 'Pure libs must not depend on apps or infrastructure libs.',
    },
  ],
};

// Apps are thin: each main composes libs (libs/runtime is the composition root). An app never
// imports another app, and no lib imports an app.
const APPS = readdirSync(new URL('./apps', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const otherApps = (app) =>
  APPS.filter((other) => other !== app).flatMap((other) => [`**/${other}/src`, `**/${other}/src/**`]);
const appBoundaries = APPS.map((app) => ({
  files: [`apps/${app}/**/*.ts`],
  // Specs, like test/, may hold one app to another's contract (the pages' words for the API's messages).
  ignores: ['**/*.spec.ts', '**/*.int-spec.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['**/apps/**', ...otherApps(app)],
            message: 'An app imports libs only, never another app: move what both need into a lib.',
          },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'coverage/**',
      'bench/results/**',
      'reports/**',
      '.stryker-tmp/**',
      '**/*.js',
      '**/*.cjs',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  ...appBoundaries,
  {
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/apps/**', '**/apps'], message: 'A lib never imports an app.' }] },
      ],
    },
  },
  {
    files: ['libs/domain/**/*.ts', 'libs/acl/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', pureLibForbidden] },
  },
  {
    files: ['libs/acl/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...pureLibForbidden.patterns,
            {
              group: ['@portal/domain'],
              message: 'acl stands alone: it knows roles and records, not aggregates.',
            },
          ],
        },
      ],
    },
  },
);
