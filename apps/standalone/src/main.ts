import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Controller, Get, Module } from '@nestjs/common';

// Placeholder wiring until the api, projector and mailer apps land.
@Controller()
class HealthController {
  @Get('health')
  health() {
    return { status: 'ok' };
  }
}

@Module({ controllers: [HealthController] })
class StandaloneModule {}

async function bootstrap() {
  const app = await NestFactory.create<NestFastifyApplication>(StandaloneModule, new FastifyAdapter());
  await app.listen(Number(process.env.PORT ?? 3000), '0.0.0.0');
}
void bootstrap();
