import { z } from 'zod';
import { named } from '../openapi/api-schemas';

/** One dependency's answer for GET /health. 'degraded' still counts as ready (e.g. mailer waiting for Redis). */
export interface HealthReport {
  status: 'up' | 'degraded' | 'down';
  [detail: string]: unknown;
}

export interface HealthCheck {
  name: string;
  check(): Promise<HealthReport>;
}

export const HEALTH_CHECKS = Symbol('HealthChecks');

export const healthSchema = named(
  'Health',
  z.object({
    status: z.enum(['ok', 'degraded']).describe('`ok` with 200 once the service takes requests'),
    checks: z
      .record(z.string(), z.looseObject({ status: z.enum(['up', 'degraded', 'down']) }))
      .optional()
      .describe('Each dependency: eventStore, readStore, projector, mailer…'),
  }),
);

export const probeSchema = named(
  'Probe',
  z.object({
    status: z.enum(['ok', 'degraded']).describe('`ok` with 200; `degraded` with 503'),
  }),
);
