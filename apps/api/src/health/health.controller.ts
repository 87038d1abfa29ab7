import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { PortalRequest } from '../http/request-context';
import { Answers } from '../openapi/answers.decorators';
import { HealthCheck, HEALTH_CHECKS, HealthReport, healthSchema } from './health-check';
import { OperatorAccess } from './operator-access';

/**
 * GET /health: 200 once every dependency answers, 503 otherwise. The public answer is the status
 * alone; the checks' details (paths, Redis, queue sizes, positions) need an admin's or auditor's
 * token, or METRICS_TOKEN.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[],
    private readonly operators: OperatorAccess,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Is the service ready?' })
  @Answers(
    200,
    '`{ status: "ok" }`; with an admin or auditor token (or METRICS_TOKEN) also `checks`, each dependency\'s details.',
    healthSchema,
  )
  @Answers(
    503,
    'Not ready (`degraded`); `checks` (for operators) say which dependency is down.',
    healthSchema,
  )
  async health(@Req() request: PortalRequest, @Res({ passthrough: true }) reply: FastifyReply) {
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
    const status = ok ? 'ok' : 'degraded';
    if (!(await this.operators.allows(request, reply))) return { status };
    return { status, checks: results };
  }
}
