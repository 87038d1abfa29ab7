import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { FEATURE_MODULES } from './feature-modules';
import { ConsistencyInterceptor } from './http/consistency.interceptor';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { ApiDependencies, InfrastructureModule } from './infrastructure/infrastructure.module';
import { SharedStreamsModule } from './shared-streams/shared-streams.module';

@Module({})
export class ApiModule {
  static register(deps: ApiDependencies): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        InfrastructureModule.register(deps),
        SharedStreamsModule,
        CqrsModule.forRoot(),
        ...FEATURE_MODULES,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        // Order matters: idempotency wraps consistency, so a replay carries the stored token.
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_INTERCEPTOR, useClass: ConsistencyInterceptor },
      ],
    };
  }
}
