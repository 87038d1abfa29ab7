import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import { createRedisConnection } from '@portal/platform';
import { SharedWindowCounter } from './shared-window-counter';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('SharedWindowCounter', () => {
  describe('with Redis', () => {
    const redis = createRedisConnection(REDIS_URL, 'producer');
    const prefix = `test-ratelimit-${randomBytes(6).toString('hex')}:`;

    // The connection fails fast while not connected (no offline queue): wait until it is.
    beforeAll(async () => {
      if (redis.status !== 'ready') await new Promise((resolve) => redis.once('ready', resolve));
    });

    afterAll(async () => {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    });

    it('counts hits across counter instances (processes) in one window that Redis expires', async () => {
      const a = new SharedWindowCounter(redis);
      const b = new SharedWindowCounter(redis);
      const key = `${prefix}shared`;
      expect((await a.hit(key, 60)).count).toBe(1);
      expect((await b.hit(key, 60)).count).toBe(2);
      const peeked = await a.peek(key, 60);
      expect(peeked.count).toBe(2);
      expect(peeked.resetInMs).toBeGreaterThan(55_000);
      expect(peeked.resetInMs).toBeLessThanOrEqual(60_000);
      expect(await redis.pttl(key)).toBeGreaterThan(0);
    });

    it('does not extend the window on later hits', async () => {
      const counter = new SharedWindowCounter(redis);
      const key = `${prefix}window`;
      await counter.hit(key, 60);
      await redis.pexpire(key, 5_000); // as if most of the window had passed
      const later = await counter.hit(key, 60);
      expect(later.count).toBe(2);
      expect(later.resetInMs).toBeLessThanOrEqual(5_000);
    });

    it('takes a hit back in a live window, and never brings back an expired one', async () => {
      const counter = new SharedWindowCounter(redis);
      const key = `${prefix}release`;
      await counter.hit(key, 60);
      await counter.hit(key, 60);
      await counter.release(key);
      expect((await counter.peek(key, 60)).count).toBe(1);
      await redis.del(key); // the window expired meanwhile
      await counter.release(key);
      expect(await redis.exists(key)).toBe(0);
    });

    it('peeks 0 at a key never hit', async () => {
      expect((await new SharedWindowCounter(redis).peek(`${prefix}never`, 60)).count).toBe(0);
    });
  });

  describe('without Redis', () => {
    let silent: Server;
    let port: number;

    // A port that accepts connections and never answers: the worst kind of outage (a hang).
    beforeAll(async () => {
      silent = createServer(() => undefined);
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      port = (silent.address() as { port: number }).port;
    });

    afterAll(async () => {
      await new Promise((resolve) => silent.close(resolve));
    });

    it.each([
      ['refused', () => 'redis://127.0.0.1:1'],
      ['hanging', () => `redis://127.0.0.1:${port}`],
    ])('falls back to counting in this process when Redis is %s, and says so once', async (_, url) => {
      const redis = createRedisConnection(url(), 'producer');
      const changes: boolean[] = [];
      const counter = new SharedWindowCounter(redis, (usingMemory) => changes.push(usingMemory));
      try {
        expect((await counter.hit('k', 60)).count).toBe(1);
        expect((await counter.hit('k', 60)).count).toBe(2);
        expect((await counter.peek('k', 60)).count).toBe(2);
        expect(changes).toEqual([true]);
      } finally {
        redis.disconnect();
      }
    });
  });
});
