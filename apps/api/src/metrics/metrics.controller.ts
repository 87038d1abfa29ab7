import { Controller, Get, Header, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiExcludeController } from '@nestjs/swagger';
import { OperatorAccess } from '../health/operator-access';
import { ProblemException } from '../http/problem';
import type { PortalRequest } from '../http/request-context';
import { ApiMetrics } from './api-metrics';

/**
 * GET /metrics: Prometheus text format, for scrapers with METRICS_TOKEN (or an admin's or
 * auditor's token); 401 for anyone else. Not part of the public API document.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly operators: OperatorAccess,
    private readonly apiMetrics: ApiMetrics,
  ) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async metrics(
    @Req() request: PortalRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    if (!(await this.operators.allows(request, reply))) {
      void reply.header('WWW-Authenticate', 'Bearer');
      throw ProblemException.of(
        401,
        'unauthorized',
        'Metrics need METRICS_TOKEN or an admin or auditor token.',
      );
    }
    // The process's registry: the API's series, Node's, and those of the projector and mailer
    // running here (or the projection lag as the stores tell it, for an API alone).
    return this.apiMetrics.registry.metrics();
  }
}
