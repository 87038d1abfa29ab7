import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ApiModule } from '../../apps/api/src/api.module';
import type { ApiDependencies } from '../../apps/api/src/infrastructure/infrastructure.module';
import { buildApiDocument } from '../../apps/api/src/openapi/api-document';

/**
 * The API's OpenAPI document without a server or stores: Nest's preview mode reads the modules'
 * routes and decorators and instantiates no provider, so the stores below are never touched.
 */
export async function previewApiDocument(): Promise<OpenAPIObject> {
  const unused = {} as never;
  const deps: ApiDependencies = { config: unused, eventStore: unused, readStore: unused };
  const app = await NestFactory.create(ApiModule.register(deps), new FastifyAdapter(), {
    preview: true,
    logger: ['error'],
  });
  try {
    return buildApiDocument(app);
  } finally {
    await app.close();
  }
}
