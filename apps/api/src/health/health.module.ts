import { Module } from '@nestjs/common';
import { CachedHealthChecks } from './cached-health-checks';
import { HealthController } from './health.controller';
import { OperatorAccess } from './operator-access';

@Module({
  controllers: [HealthController],
  providers: [OperatorAccess, CachedHealthChecks],
  exports: [OperatorAccess],
})
export class HealthModule {}
