import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { OperatorAccess } from './operator-access';

@Module({ controllers: [HealthController], providers: [OperatorAccess], exports: [OperatorAccess] })
export class HealthModule {}
