import 'reflect-metadata';
import { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import fastifyMultipart from '@fastify/multipart';
import { LogController } from 'fastify';
import { createServiceLogger, type ServiceLogger } from '@portal/platform';
import { ApiModule } from './api.module';
import { lazyRequestLogger } from './logging/lazy-request-logger';
import { PinoNestLogger } from './logging/pino-nest-logger';
import { registerRequestLogging, requestIdOf } from './logging/request-logging';
import { ApiMetrics } from './metrics/api-metrics';
import { registerRequestHygiene } from './http/request-hygiene';
import { registerRequestSpans } from './tracing/request-spans';
import { clientErrorHandler, frameworkErrors } from './http/transport-errors';
import { buildApiDocument } from './openapi/api-document';
import { CachedHealthChecks } from './health/cached-health-checks';
import { registerHealthFastPath } from './health/health-fast-path';
import type { ApiDependencies } from './infrastructure/infrastructure.module';

/** Bodies above this are refused with 413 before any parsing work. */
const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds the API application (not listening yet): used by the apps, the standalone process and tests. */
export async function createApiApp(
  deps: ApiDependencies,
  options: { logger?: LogLevel[] | false; log?: ServiceLogger } = {},
): Promise<NestFastifyApplication> {
  const log = options.log ?? createServiceLogger({ level: levelOf(options.logger) });
  const adapter = new FastifyAdapter({
    loggerInstance: log,
    // Fastify's own request lines off: registerRequestLogging writes one richer line per request.
    logController: new LogController({ disableRequestLogging: true }),
    childLoggerFactory: lazyRequestLogger,
    genReqId: requestIdOf,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: process.env.TRUST_PROXY === 'true',
    frameworkErrors,
    clientErrorHandler,
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.register(deps), adapter, {
    logger: new PinoNestLogger(log.child({ component: 'api' })),
    bufferLogs: false,
  });
  registerRequestSpans(app.getHttpAdapter().getInstance());
  registerRequestLogging(app.getHttpAdapter().getInstance(), app.get(ApiMetrics));
  registerRequestHygiene(app.getHttpAdapter().getInstance());
  registerHealthFastPath(app.getHttpAdapter().getInstance(), app.get(CachedHealthChecks));
  // Multipart bodies are parsed lazily by the upload routes (streamed, limits set per request).
  await app.register(fastifyMultipart as unknown as Parameters<typeof app.register>[0], {
    limits: { files: 1, fields: 5, parts: 6, fieldSize: 1024, headerPairs: 100 },
  });
  const document = buildApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  app.enableShutdownHooks();
  await app.init();
  return app;
}

/** Nest's level list (tests pass ['error'] or false) as a pino level; unset: LOG_LEVEL decides. */
function levelOf(levels: LogLevel[] | false | undefined): 'silent' | 'error' | 'warn' | 'info' | undefined {
  if (levels === undefined) return undefined;
  if (levels === false || levels.length === 0) return 'silent';
  if (levels.includes('log')) return 'info';
  return levels.includes('warn') ? 'warn' : 'error';
}
