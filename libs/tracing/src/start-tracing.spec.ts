import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tracingRequested } from './start-tracing';

const ROOT = join(__dirname, '..', '..', '..');

describe('tracingRequested (the standard OTEL_* switches)', () => {
  it.each([
    [{}, false],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, true],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }, true],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: '' }, false],
    [{ OTEL_TRACES_EXPORTER: 'console' }, true],
    [{ OTEL_TRACES_EXPORTER: 'otlp,console' }, true],
    [{ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, false],
    [{ OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'otlp' }, false],
    [{ OTEL_SDK_DISABLED: 'false', OTEL_TRACES_EXPORTER: 'otlp' }, true],
  ])('%j → %s', (env, expected) => {
    expect(tracingRequested(env)).toBe(expected);
  });
});

/** What a main's first import does in a plain node process, by the environment it is given. */
function loadedAfterRegister(env: Record<string, string>): { sdk: boolean; on: boolean } {
  const script = [
    "require('./libs/tracing/src/register.ts');",
    "const { tracingOn } = require('./libs/tracing/src/index.ts');",
    "const sdk = Object.keys(require.cache).some((p) => p.includes('@opentelemetry/sdk-trace'));",
    'process.stdout.write(JSON.stringify({ sdk, on: tracingOn() }));',
    'process.exit(0);',
  ].join('\n');
  const { PATH, HOME } = process.env;
  const child = spawnSync(process.execPath, ['-r', './test/support/register-ts.cjs', '-e', script], {
    cwd: ROOT,
    env: { PATH, HOME, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout) as { sdk: boolean; on: boolean };
}

describe('@portal/tracing/register', () => {
  jest.setTimeout(120_000);

  it('does not even load the SDK without OTEL_* settings', () => {
    expect(loadedAfterRegister({})).toEqual({ sdk: false, on: false });
  });

  it('starts tracing when an exporter is named', () => {
    expect(loadedAfterRegister({ OTEL_TRACES_EXPORTER: 'console' })).toEqual({ sdk: true, on: true });
  });
});
