import { DynamicModule, Global, Module } from '@nestjs/common';
import { StreamCommands } from '@portal/commands';
import type { Registry } from 'prom-client';
import { createMetricsRegistry, type ServiceConfig } from '@portal/platform';
import type { EventStore } from '@portal/event-store';
import type { ReadStore } from '@portal/read-store';
import { openBlobStore, type BlobStore } from '@portal/blob-store';
import { HEALTH_CHECKS, HealthCheck } from '../health/health-check';
import { ReadModelNames } from '@portal/read-models';
import { storeHealthChecks } from '@portal/runtime';
import { ApiMetrics } from '../metrics/api-metrics';
import { ReadModelCatchUp } from './read-model-catch-up';
import { BLOB_STORE, EVENT_STORE, READ_STORE, SERVICE_CONFIG } from './tokens';

/** What the API is given by whoever starts it: the standalone process, an app alone, or a test. */
export interface ApiDependencies {
  config: ServiceConfig;
  eventStore: EventStore;
  readStore: ReadStore;
  /** Extra /health checks (projector lag, mailer) from the process that runs them. */
  healthChecks?: HealthCheck[];
  /** Where uploaded files go; default: the one BLOB_STORE names. */
  blobStore?: BlobStore;
  /** The process's Prometheus registry (the runtime's, with the other roles' series); default a new one. */
  metricsRegistry?: Registry;
}

/** The ports and settings, available to every feature module. The starter owns the stores' lifecycle. */
@Global()
@Module({})
export class InfrastructureModule {
  static register(deps: ApiDependencies): DynamicModule {
    const names = new ReadModelNames(deps.readStore);
    const metrics = new ApiMetrics(deps.metricsRegistry ?? createMetricsRegistry());
    const storeChecks: HealthCheck[] = storeHealthChecks(deps.eventStore, deps.readStore);
    return {
      module: InfrastructureModule,
      providers: [
        { provide: SERVICE_CONFIG, useValue: deps.config },
        { provide: EVENT_STORE, useValue: deps.eventStore },
        { provide: READ_STORE, useValue: deps.readStore },
        { provide: ReadModelNames, useValue: names },
        { provide: HEALTH_CHECKS, useValue: [...storeChecks, ...(deps.healthChecks ?? [])] },
        { provide: ApiMetrics, useValue: metrics },
        { provide: StreamCommands, useValue: new StreamCommands(deps.eventStore, metrics.commands) },
        {
          provide: BLOB_STORE,
          useFactory: () =>
            deps.blobStore ?? openBlobStore(deps.config.blobStore ?? 'embedded', deps.config.dataDir),
        },
        ReadModelCatchUp,
      ],
      exports: [
        SERVICE_CONFIG,
        EVENT_STORE,
        READ_STORE,
        ReadModelNames,
        HEALTH_CHECKS,
        ApiMetrics,
        StreamCommands,
        ReadModelCatchUp,
        BLOB_STORE,
      ],
    };
  }
}
