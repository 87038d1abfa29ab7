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
