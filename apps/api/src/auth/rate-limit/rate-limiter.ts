import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import { createRedisConnection, type ServiceConfig } from '@portal/platform';
import { ProblemException, problem } from '../../http/problem';
import { SERVICE_CONFIG } from '../../infrastructure/tokens';
import { SharedWindowCounter, type WindowCount } from './shared-window-counter';

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
 * Rate limits shared by every API process through Redis, falling back to counters in this process
 * while Redis is down, so an outage neither blocks logins nor lifts the limits. Keys are scoped to
 * the event store they protect (two services, or two test apps, sharing one Redis never count each
 * other's attempts) and hold a hash, not the email or IP.
 */
@Injectable()
export class RateLimiter implements OnModuleDestroy {
  private readonly logger = new Logger('RateLimiter');
  private readonly redis: Redis;
  private readonly counter: SharedWindowCounter;
  private readonly prefix: string;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    this.redis = createRedisConnection(config.redisUrl, 'producer');
    this.counter = new SharedWindowCounter(this.redis, (usingMemory) =>
      usingMemory
        ? this.logger.warn('Redis unavailable: rate limits counted in this process')
        : this.logger.log('Redis is back: rate limits are shared again'),
    );
    const scope = config.eventStore === 'embedded' ? `embedded:${config.dataDir}` : config.eventStore;
    this.prefix = `portal:ratelimit:${digest(scope).slice(0, 16)}:`;
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }

  /** 429 (with Retry-After) when a limit is already used up; counts nothing. */
  async check(limits: RateLimitSubject[], reply?: FastifyReply): Promise<void> {
    const counts = await Promise.all(
      limits.map((l) => this.counter.peek(this.keyOf(l), l.limit.windowSeconds)),
    );
    refuseOver(limits, counts, reply, (count, limit) => count >= limit);
  }

  /** Counts one attempt against each limit (failures only, for logins and tokens). */
  async record(limits: RateLimitSubject[]): Promise<void> {
    await Promise.all(limits.map((l) => this.counter.hit(this.keyOf(l), l.limit.windowSeconds)));
  }

  /** Counts one attempt and refuses it (429) past the limit: for requests that cost something each time. */
  async consume(limits: RateLimitSubject[], reply?: FastifyReply): Promise<void> {
    const counts = await Promise.all(
      limits.map((l) => this.counter.hit(this.keyOf(l), l.limit.windowSeconds)),
    );
    refuseOver(limits, counts, reply, (count, limit) => count > limit);
  }

  private keyOf({ limit, subject }: RateLimitSubject): string {
    return `${this.prefix}${limit.name}:${digest(subject)}`;
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
