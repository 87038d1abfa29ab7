import { CachedHealthChecks, HEALTH_CACHE_MS, isReady } from './cached-health-checks';

describe('CachedHealthChecks', () => {
  it('runs the checks at most once per interval, however many ask, and again after it', async () => {
    let runs = 0;
    const checks = new CachedHealthChecks([
      { name: 'store', check: async () => ({ status: 'up', run: ++runs }) },
    ]);
    const [a, b] = await Promise.all([checks.run(0), checks.run(10)]);
    expect(a).toBe(b);
    expect(await checks.run(HEALTH_CACHE_MS - 1)).toEqual({ store: { status: 'up', run: 1 } });
    expect(await checks.run(HEALTH_CACHE_MS)).toEqual({ store: { status: 'up', run: 2 } });
    expect(runs).toBe(2);
  });

  it('reports a check that throws as down, and is then not ready; degraded still is', async () => {
    const checks = new CachedHealthChecks([
      { name: 'mailer', check: async () => ({ status: 'degraded' }) },
      {
        name: 'readStore',
        check: () => Promise.reject(new Error('connection refused')),
      },
    ]);
    const reports = await checks.run(0);
    expect(reports.readStore).toEqual({ status: 'down', error: 'connection refused' });
    expect(isReady(reports)).toBe(false);
    expect(isReady({ mailer: reports.mailer })).toBe(true);
  });
});
