import { Module } from '@nestjs/common';
import { HealthModule } from '../health/health.module';
import { ApiMetrics } from './api-metrics';
import { MetricsController } from './metrics.controller';

@Module({
  imports: [HealthModule],
  controllers: [MetricsController],
  providers: [ApiMetrics],
  exports: [ApiMetrics],
})
export class MetricsModule {}
