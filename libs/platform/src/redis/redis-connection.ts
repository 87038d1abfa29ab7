import type { Redis } from 'ioredis';

/**
 * What a Redis connection is for, following BullMQ's production guide:
 * - `worker`: blocking commands must wait out an outage, so requests never give up
 *   (`maxRetriesPerRequest: null`) and queue while offline;
 * - `producer`: whoever adds jobs wants to know at once that Redis is gone (to retry and keep its
 *   checkpoint), so the offline queue is off and a request fails fast.
 * Both reconnect forever with a capped exponential backoff.
 */
export type RedisConnectionRole = 'worker' | 'producer';

export interface RedisConnectionOptions {
  /** Longest pause between reconnect attempts, ms. Default 10 000. */
  maxReconnectDelayMs?: number;
}

export function createRedisConnection(
  url: string,
  role: RedisConnectionRole,
  options: RedisConnectionOptions = {},
): Redis {
  const maxDelay = options.maxReconnectDelayMs ?? 10_000;
  // Loaded on first use: the platform lib is in every process, Redis only in those that need it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Redis: RedisClient } = require('ioredis') as typeof import('ioredis');
  const redis = new RedisClient(url, {
    maxRetriesPerRequest: role === 'worker' ? null : 1,
    enableOfflineQueue: role === 'worker',
    connectTimeout: 5_000,
    retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 10), maxDelay),
  });
  // Without a listener ioredis prints every failed reconnect; owners watch `status` or their own errors.
  redis.on('error', () => undefined);
  return redis;
}

/** The URL without its password, for log lines. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'redis://(unparsable url)';
  }
}
