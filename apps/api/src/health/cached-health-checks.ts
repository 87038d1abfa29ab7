import { Inject, Injectable } from '@nestjs/common';
import { HealthCheck, HEALTH_CHECKS, HealthReport } from './health-check';

/** How long one round of checks answers every /health and /health/ready (orchestrators poll often). */
export const HEALTH_CACHE_MS = 1_000;

/**
 * Runs every dependency's check at most once a second, whoever asks: a probe every few seconds
 * from each replica's orchestrator and load balancer would otherwise query the stores each time.
 * Requests arriving while a round runs share it.
 */
@Injectable()
export class CachedHealthChecks {
  private last: { at: number; reports: Promise<Record<string, HealthReport>> } | undefined;

  constructor(@Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[]) {}

  run(now = Date.now()): Promise<Record<string, HealthReport>> {
    if (this.last && now - this.last.at < HEALTH_CACHE_MS) return this.last.reports;
    const reports = this.runAll();
    this.last = { at: now, reports };
    return reports;
  }

  private async runAll(): Promise<Record<string, HealthReport>> {
    const results: Record<string, HealthReport> = {};
    await Promise.all(
      this.checks.map(async (check) => {
        try {
          results[check.name] = await check.check();
        } catch (error) {
          results[check.name] = {
            status: 'down',
            error: error instanceof Error ? error.message : String(error),
          };
        }
      }),
    );
    return results;
  }
}

/** Ready while no dependency is down ('degraded' still serves: e.g. the mailer waiting for Redis). */
export function isReady(reports: Record<string, HealthReport>): boolean {
  return Object.values(reports).every((r) => r.status !== 'down');
}
