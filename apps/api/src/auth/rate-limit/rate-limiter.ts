import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import type { EventStore } from '@portal/event-store';
import { createRedisConnection, deploymentPrefix, type ServiceConfig } from '@portal/platform';
import { ProblemException, problem } from '../../http/problem';
import { EVENT_STORE, SERVICE_CONFIG } from '../../infrastructure/tokens';
import { InProcessWindowCounter } from './in-process-window-counter';
import { SharedWindowCounter } from './shared-window-counter';
import type { WindowCount, WindowCounter } from './window-counter.port';

export interface RateLimit {
  /** Names the counter, e.g. `login:email`. */
  name: string;
  limit: number;
  windowSeconds: number;
}

/** One limit applied to one subject (an email, an IP, a token hash). */
export interface RateLimitSubject {
  limit: RateLimit;
  subject: string;
}

/**
 * Rate limits shared by every API process through Redis (counted in this process alone when
 * REDIS_URL is unset), falling back to counters in this process while Redis is down, so an outage neither blocks logins nor lifts the limits. Keys are scoped to
 * the deployment (QUEUE_PREFIX or the event store's identity: two services, or two test apps,
 * sharing one Redis never count each other's attempts) and hold a hash, not the email or IP.
 */
@Injectable()
export class RateLimiter implements OnModuleDestroy {
  private readonly logger = new Logger('RateLimiter');
  private readonly redis: Redis | undefined;
  private readonly counter: WindowCounter;
  private readonly prefix: Promise<string>;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig, @Inject(EVENT_STORE) events: EventStore) {
    if (config.redisUrl === undefined) {
      this.counter = new InProcessWindowCounter();
    } else {
      const redis = createRedisConnection(config.redisUrl, 'producer');
      this.redis = redis;
      this.counter = new SharedWindowCounter(redis, (usingMemory) =>
        usingMemory
          ? this.logger.warn('Redis unavailable: rate limits counted in this process')
          : this.logger.log('Redis is back: rate limits are shared again'),
      );
    }
    this.prefix = deploymentPrefix(config.queuePrefix, () => events.identity()).then(
      (prefix) => `${prefix}:ratelimit:`,
    );
    this.prefix.catch(() => undefined); // surfaces on the first use
  }

  onModuleDestroy(): void {
    this.redis?.disconnect();
  }

  /**
   * Counts one attempt and refuses it (429) past the limit, in one atomic step per counter, so
   * parallel attempts can never get more than the limit through: for every request that costs
   * something, and ahead of attempts that count only if they fail (see `release`).
   */
  async consume(limits: RateLimitSubject[], reply?: FastifyReply): Promise<void> {
    const keys = await this.keysOf(limits);
    const counts = await Promise.all(limits.map((l, i) => this.counter.hit(keys[i]!, l.limit.windowSeconds)));
    refuseOver(limits, counts, reply, (count, limit) => count > limit);
  }

  /** Takes back an attempt `consume` counted that turned out not to count (a correct password). */
  async release(limits: RateLimitSubject[]): Promise<void> {
    const keys = await this.keysOf(limits);
    await Promise.all(keys.map((key) => this.counter.release(key)));
  }

  private async keysOf(limits: RateLimitSubject[]): Promise<string[]> {
    const prefix = await this.prefix;
    return limits.map(({ limit, subject }) => `${prefix}${limit.name}:${digest(subject)}`);
  }
}

function refuseOver(
  limits: RateLimitSubject[],
  counts: WindowCount[],
  reply: FastifyReply | undefined,
  over: (count: number, limit: number) => boolean,
): void {
  let retryAfter = 0;
  counts.forEach(({ count, resetInMs }, i) => {
    if (over(count, limits[i].limit.limit)) retryAfter = Math.max(retryAfter, Math.ceil(resetInMs / 1000), 1);
  });
  if (retryAfter === 0) return;
  void reply?.header('Retry-After', String(retryAfter));
  throw new TooManyRequests(retryAfter);
}

function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** 429 problem document; the limiter sets the Retry-After header on the reply it is given. */
export class TooManyRequests extends ProblemException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      problem(429, 'rate_limited', `Too many attempts; try again in ${retryAfterSeconds} s.`, undefined, {
        retryAfter: retryAfterSeconds,
      }),
    );
  }
}
