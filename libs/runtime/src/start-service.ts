import type { LogLevel } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Registry } from 'prom-client';
import type { EventStore } from '@portal/event-store';
import type { Mailer, MailerOptions } from '@portal/mailer';
import {
  createMetricsRegistry,
  createServiceLogger,
  type ServiceConfig,
  type ServiceLogger,
} from '@portal/platform';
import type { Projector, ProjectorHealthCheck, ProjectorOptions } from '@portal/projector';
import type { ReadStore } from '@portal/read-store';
import {
  startBlobSweeper,
  type BlobSweepOptions,
  type RunningBlobSweeper,
} from './blob-sweep/start-blob-sweeper';
import { registerMailerMetrics } from './metrics/mailer-metrics';
import {
  startSignInRetention,
  type RunningSignInRetention,
  type SignInRetentionOptions,
} from './retention/start-sign-in-retention';
import { startMetricsServer, type MetricsServer } from './metrics/metrics-server';
import { registerProjectorMetrics } from './metrics/projector-metrics';
import { roleLogger } from './pino-role-loggers';
import { storeHealthChecks, type ServiceHealthCheck } from './service-health';
import { openServiceStores, type ServiceStores } from './service-stores';

/** Builds the API application (not listening yet): apps/api's createApiApp, given by its main. */
export type ApiAppFactory = (
  deps: {
    config: ServiceConfig;
    eventStore: EventStore;
    readStore: ReadStore;
    healthChecks: ProjectorHealthCheck[];
    /** The process's Prometheus registry: the API adds its series and serves them all on /metrics. */
    metricsRegistry: Registry;
  },
  options: { logger?: LogLevel[] | false; log?: ServiceLogger },
) => Promise<NestFastifyApplication>;

/**
 * The roles this process runs. The projector and the mailer are loaded only when asked for (an
 * API-only process never loads BullMQ or nodemailer); the API is whatever the caller's app builds.
 */
export interface ServiceParts {
  api?: ApiAppFactory;
  projector?: boolean;
  mailer?: boolean;
}

export interface StartServiceOptions {
  parts: ServiceParts;
  /** Stores opened by the caller (they stay the caller's to close); else opened from the config. */
  stores?: ServiceStores;
  /** Schema of stores opened here (tests). */
  schema?: string;
  /** Embedded stores in memory instead of DATA_DIR/pglite (tests). */
  inMemory?: boolean;
  /** Interface the API listens on; default all. */
  host?: string;
  apiLogger?: LogLevel[] | false;
  /** The process's JSON logger; default: one from LOG_LEVEL on stdout. */
  log?: ServiceLogger;
  projector?: Partial<ProjectorOptions>;
  mailer?: Partial<MailerOptions>;
  /** Let the API listen only once the projector reached the head (tests); default false. */
  waitForProjector?: boolean;
  /** Interface of the METRICS_PORT listener (processes without the API); default all. */
  metricsHost?: string;
  /** The blob sweeper runs with the projector role; `false` leaves it off (tests, tools). */
  blobSweep?: BlobSweepOptions | false;
  /** The sign-in retention job runs with the projector role; `false` leaves it off (tools). */
  signInRetention?: SignInRetentionOptions | false;
}

export interface RunningService {
  config: ServiceConfig;
  stores: ServiceStores;
  app: NestFastifyApplication | undefined;
  projector: Projector | undefined;
  mailer: Mailer | undefined;
  /** With the projector role: the sweeper of unreferenced blobs. */
  blobSweeper: RunningBlobSweeper | undefined;
  log: ServiceLogger;
  /** The API's base URL when it listens, e.g. http://127.0.0.1:3000. */
  url: string | undefined;
  /** Every series of this process (the API's /metrics, or the METRICS_PORT listener). */
  metricsRegistry: Registry;
  /** The METRICS_PORT listener's base URL, in a process without the API when METRICS_PORT is set. */
  metricsUrl: string | undefined;
  /** Stops in reverse order: API, mailer, projector, then the stores opened here. */
  close(): Promise<void>;
}

/**
 * The composition root: opens the stores the config names and starts the parts asked for in one
 * process. `npm start` runs all three on the embedded store; the apps' mains run one each.
 */
export async function startService(
  config: ServiceConfig,
  options: StartServiceOptions,
): Promise<RunningService> {
  const ownsStores = !options.stores;
  const stores =
    options.stores ??
    (await openServiceStores(config, { schema: options.schema, inMemory: options.inMemory }));
  const { eventStore, readStore } = stores;
  const log =
    options.log ?? createServiceLogger({ level: options.apiLogger === false ? 'silent' : undefined });
  let projector: Projector | undefined;
  let mailer: Mailer | undefined;
  let blobSweeper: RunningBlobSweeper | undefined;
  let retention: RunningSignInRetention | undefined;
  let app: NestFastifyApplication | undefined;
  let metricsServer: MetricsServer | undefined;
  let closed: Promise<void> | undefined;
  const metricsRegistry = createMetricsRegistry();

  const close = (): Promise<void> =>
    (closed ??= (async () => {
      await metricsServer?.close().catch(() => undefined);
      await app?.close().catch(() => undefined);
      await mailer?.stop().catch(() => undefined);
      await blobSweeper?.stop().catch(() => undefined);
      await retention?.stop().catch(() => undefined);
      await projector?.stop().catch(() => undefined);
      if (ownsStores) await stores.close().catch(() => undefined);
    })());

  try {
    const healthChecks: ProjectorHealthCheck[] = [];
    const projection = await import('@portal/projector');
    if (options.parts.projector) {
      const running: Projector = new projection.Projector({
        events: eventStore,
        store: readStore,
        logger: roleLogger(log, 'projector'),
        observer: registerProjectorMetrics(metricsRegistry, () => running.lag()),
        ...options.projector,
      });
      projector = running;
      await projector.start();
      healthChecks.push(projection.projectorHealthCheck(projector));
      if (options.waitForProjector) await projector.caughtUp();
      if (options.blobSweep !== false) {
        blobSweeper = await startBlobSweeper(config, stores, log, options.blobSweep);
      }
      if (options.signInRetention !== false) {
        retention = startSignInRetention(config, eventStore, log, options.signInRetention);
      }
    } else {
      healthChecks.push(projection.projectionLagHealthCheck(eventStore, readStore));
      if (options.parts.api)
        registerProjectorMetrics(metricsRegistry, () =>
          projection.measureProjectionLag(eventStore, readStore),
        );
    }
    if (options.parts.mailer) {
      const { createMailer } = await import('@portal/mailer');
      let queueCounts = (): ReturnType<Mailer['queueCounts']> => Promise.resolve(undefined);
      const running = createMailer(config, eventStore, readStore, {
        logger: roleLogger(log, 'mailer'),
        observer: registerMailerMetrics(metricsRegistry, () => queueCounts()),
        ...options.mailer,
      });
      queueCounts = () => running.queueCounts();
      mailer = running;
      await running.start();
      healthChecks.push({
        name: 'mailer',
        check: async () => ({ ...(await running.health()) }),
      });
    }
    let url: string | undefined;
    if (options.parts.api) {
      app = await options.parts.api(
        { config, eventStore, readStore, healthChecks, metricsRegistry },
        { logger: options.apiLogger, log: options.apiLogger === undefined ? log : undefined },
      );
      const host = options.host ?? '0.0.0.0';
      await app.listen(config.port, host);
      const address = app.getHttpServer().address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
    } else if (config.metricsPort !== undefined) {
      const checks: ServiceHealthCheck[] = [...storeHealthChecks(eventStore, readStore), ...healthChecks];
      metricsServer = await startMetricsServer({
        registry: metricsRegistry,
        token: config.metricsToken,
        ready: () => allUp(checks),
        port: config.metricsPort,
        host: options.metricsHost,
      });
    }
    const metricsUrl = metricsServer?.url;
    return {
      config,
      stores,
      app,
      projector,
      mailer,
      blobSweeper,
      url,
      log,
      metricsRegistry,
      metricsUrl,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Ready while no check is down ('degraded' still serves: e.g. the mailer waiting for Redis). */
async function allUp(checks: readonly ServiceHealthCheck[]): Promise<boolean> {
  const reports = await Promise.all(checks.map((c) => c.check().catch(() => ({ status: 'down' as const }))));
  return reports.every((report) => report.status !== 'down');
}
