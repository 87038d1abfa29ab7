import Fastify, { type FastifyInstance } from 'fastify';
import { CachedHealthChecks } from './cached-health-checks';
import type { HealthCheck } from './health-check';
import { registerHealthFastPath } from './health-fast-path';

/** A Fastify app with the fast path, and the probes' routes answering as the Nest pipeline would be reached. */
async function appWith(checks: HealthCheck[]): Promise<FastifyInstance> {
  const app = Fastify();
  registerHealthFastPath(app, new CachedHealthChecks(checks));
  for (const url of ['/health', '/health/live', '/health/ready', '/health/other'])
    app.get(url, async () => ({ reached: 'route' }));
  await app.ready();
  return app;
}

describe('the health probes fast path', () => {
  it('answers /health without credentials, /health/ready and /health/live before the route', async () => {
    const app = await appWith([{ name: 'store', check: async () => ({ status: 'up' }) }]);
    for (const url of ['/health', '/health/ready', '/health/live', '/health?verbose=1']) {
      const res = await app.inject({ method: 'GET', url });
      expect({ url, status: res.statusCode, body: res.json() }).toEqual({
        url,
        status: 200,
        body: { status: 'ok' },
      });
      expect(res.headers['content-type']).toMatch(/^application\/json/);
    }
    await app.close();
  });

  it('says degraded with 503 when a dependency is down; liveness does not look', async () => {
    const app = await appWith([{ name: 'store', check: () => Promise.reject(new Error('refused')) }]);
    for (const url of ['/health', '/health/ready']) {
      const res = await app.inject({ method: 'GET', url });
      expect({ url, status: res.statusCode, body: res.json() }).toEqual({
        url,
        status: 503,
        body: { status: 'degraded' },
      });
    }
    expect((await app.inject({ method: 'GET', url: '/health/live' })).json()).toEqual({ status: 'ok' });
    await app.close();
  });

  it('leaves /health with credentials (an operator may see details), other methods and other routes to the routes', async () => {
    const app = await appWith([{ name: 'store', check: async () => ({ status: 'up' }) }]);
    const withToken = await app.inject({
      method: 'GET',
      url: '/health',
      headers: { authorization: 'Bearer x' },
    });
    expect(withToken.json()).toEqual({ reached: 'route' });
    expect((await app.inject({ method: 'HEAD', url: '/health' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/health/other' })).json()).toEqual({ reached: 'route' });
    await app.close();
  });
});
