import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { PortalRequest } from '../http/request-context';
import { Answers } from '../openapi/answers.decorators';
import { CachedHealthChecks, isReady } from './cached-health-checks';
import { healthSchema, probeSchema } from './health-check';
import { OperatorAccess } from './operator-access';

/**
 * GET /health: 200 once every dependency answers, 503 otherwise. The public answer is the status
 * alone; the checks' details (paths, Redis, queue sizes, positions) need an admin's or auditor's
 * token, or METRICS_TOKEN. For orchestrators: GET /health/live (the process answers; no I/O) and
 * GET /health/ready (the same verdict as /health: stores reachable, projector caught up once).
 * The checks run at most once a second, however many probes arrive.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly checks: CachedHealthChecks,
    private readonly operators: OperatorAccess,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Is the process alive? (liveness probe: no I/O)' })
  @Answers(200, '`{ status: "ok" }` whenever the process answers at all.', probeSchema)
  live() {
    return { status: 'ok' as const };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Should it get traffic? (readiness probe)' })
  @Answers(200, '`{ status: "ok" }`: stores reachable, read models caught up at least once.', probeSchema)
  @Answers(
    503,
    '`{ status: "degraded" }`: a store is unreachable, or the projector has not reached the head yet (first catch-up or a rebuild before any generation).',
    probeSchema,
  )
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const ready = isReady(await this.checks.run());
    void reply.status(ready ? 200 : 503);
    return { status: ready ? ('ok' as const) : ('degraded' as const) };
  }

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
    const results = await this.checks.run();
    const ok = isReady(results);
    void reply.status(ok ? 200 : 503);
    const status = ok ? 'ok' : 'degraded';
    if (!(await this.operators.allows(request, reply))) return { status };
    return { status, checks: results };
  }
}
