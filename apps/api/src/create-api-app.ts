import 'reflect-metadata';
import { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { ApiModule } from './api.module';
import { registerRequestHygiene } from './http/request-hygiene';
import { clientErrorHandler, frameworkErrors } from './http/transport-errors';
import { buildApiDocument } from './openapi/api-document';
import type { ApiDependencies } from './infrastructure/infrastructure.module';

/** Bodies above this are refused with 413 before any parsing work. */
const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds the API application (not listening yet): used by the apps, the standalone process and tests. */
export async function createApiApp(
  deps: ApiDependencies,
  options: { logger?: LogLevel[] | false } = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: process.env.TRUST_PROXY === 'true',
    frameworkErrors,
    clientErrorHandler,
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.register(deps), adapter, {
    logger: options.logger ?? ['log', 'warn', 'error'],
    bufferLogs: false,
  });
  registerRequestHygiene(app.getHttpAdapter().getInstance());
  const document = buildApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  app.enableShutdownHooks();
  await app.init();
  return app;
}
