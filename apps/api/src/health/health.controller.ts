import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { HealthCheck, HEALTH_CHECKS, HealthReport } from './health-check';

/** GET /health: 200 once every dependency answers, 503 with the failing ones otherwise. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[]) {}

  @Get()
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
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
    const ok = Object.values(results).every((r) => r.status !== 'down');
    void reply.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'degraded', checks: results };
  }
}
