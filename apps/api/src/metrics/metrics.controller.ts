import { Controller, Get, Header, Inject, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiExcludeController } from '@nestjs/swagger';
import type { EventStore } from '@portal/event-store';
import { measureProjectionLag } from '@portal/projector';
import type { ReadStore } from '@portal/read-store';
import { OperatorAccess } from '../health/operator-access';
import { ProblemException } from '../http/problem';
import type { PortalRequest } from '../http/request-context';
import { EVENT_STORE, READ_STORE } from '../infrastructure/tokens';
import { ApiMetrics } from './api-metrics';

/**
 * GET /metrics: Prometheus text format, for scrapers with METRICS_TOKEN (or an admin's or
 * auditor's token); 401 for anyone else. Not part of the public API document.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
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
    const lag = await measureProjectionLag(this.eventStore, this.readStore);
    const registered = await this.apiMetrics.registry.metrics();
    return (
      registered +
      [
        '# HELP portal_projector_lag_events Positions the served read models are behind the event store head.',
        '# TYPE portal_projector_lag_events gauge',
        `portal_projector_lag_events ${lag.events}`,
        '# HELP portal_projector_lag_seconds Age of the oldest event not yet in the served read models.',
        '# TYPE portal_projector_lag_seconds gauge',
        `portal_projector_lag_seconds ${lag.seconds}`,
        '# HELP portal_projector_checkpoint Global position the served read models include.',
        '# TYPE portal_projector_checkpoint gauge',
        `portal_projector_checkpoint ${lag.checkpoint}`,
        '# HELP portal_projector_generation Generation of the read models being served.',
        '# TYPE portal_projector_generation gauge',
        `portal_projector_generation ${lag.generation}`,
        '# HELP portal_event_store_head_position Global position of the newest event.',
        '# TYPE portal_event_store_head_position gauge',
        `portal_event_store_head_position ${lag.head}`,
        '',
      ].join('\n')
    );
  }
}
