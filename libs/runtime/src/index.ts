export { openServiceStores, type ServiceStores, type ServiceStoresOptions } from './service-stores';
export { createUpcasterRegistry } from './upcaster-registry';
export { shutdownOnSignals } from './shutdown-on-signals';
export {
  startService,
  type ApiAppFactory,
  type RunningService,
  type ServiceParts,
  type StartServiceOptions,
} from './start-service';
export { storeHealthChecks, type ServiceHealthCheck } from './service-health';
export { startMetricsServer, type MetricsServer, type MetricsServerOptions } from './metrics/metrics-server';
export { migratePersonalDataOf, migratePersonalDataOn } from './privacy-migration';
export { roleLogger, type RoleLogger } from './pino-role-loggers';
export { readModelBlobReferences } from './blob-sweep/read-model-blob-references';
export {
  startBlobSweeper,
  type BlobSweepOptions,
  type RunningBlobSweeper,
} from './blob-sweep/start-blob-sweeper';
export { runSignInRetention, type SignInRetentionReport } from './retention/sign-in-retention';
