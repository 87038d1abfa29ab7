import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isPgliteMemorySize, isStatisticsTarget } from '../sql/pglite-memory';
import { isHeapGrowthPercent } from './js-heap-growth';

/** The service's settings, from the environment variables of shared/API.md. */
export interface ServiceConfig {
  port: number;
  dataDir: string;
  /** 'embedded', a postgres:// URL or an esdb:// URL. */
  eventStore: string;
  /** 'embedded', a postgres:// URL or a mongodb:// URL. */
  readStore: string;
  /** REDIS_URL: BullMQ's queue and the shared rate limits; unset: both in this process. */
  redisUrl: string | undefined;
  smtpUrl: string | undefined;
  jwtSecret: string;
  bootstrapAdmin: { email: string; password: string } | undefined;
  publicUrl: string;
  /** QUEUE_PREFIX: Redis key prefix of this deployment; unset: derived from the event store's identity. */
  queuePrefix?: string;
  /** METRICS_TOKEN: a bearer token that may read /metrics and /health's details besides staff tokens. */
  metricsToken?: string;
  /**
   * METRICS_PORT: where a process without the API (the projector or the mailer alone) serves
   * /metrics and its liveness and readiness; unset: no such listener.
   */
  metricsPort?: number;
  /**
   * DATA_KEY: the master key wrapping every data subject's data key; unset: generated once into
   * DATA_DIR. loadServiceConfig always sets it; a hand-made config without it (tests, tools) runs
   * without the privacy layer (personal values in clear, no erasure).
   */
  dataKey?: string;
  /** RETENTION_DAYS: sign-in records older than this are erased by the retention job (180). */
  retentionDays?: number;
  /** EMBEDDED_SHARED_BUFFERS: the embedded database's buffer cache (PgliteMemorySettings); unset: 32MB. */
  embeddedSharedBuffers?: string;
  /** EMBEDDED_STATISTICS_TARGET: the embedded database's statistics target (PgliteMemorySettings); unset: 30. */
  embeddedStatisticsTarget?: number;
  /**
   * EMBEDDED_HEAP_GROWTH_PERCENT: how far the JavaScript heap may grow past its live size before a
   * full collection, when a store is embedded (js-heap-growth.ts); unset: 50, 0: V8's own choice.
   */
  embeddedHeapGrowthPercent?: number;
  /**
   * SCOPED_PAGE_CACHE: `off` reads every portal user's record page and record from the read store
   * instead of answering it from the in-process cache kept while the records have not moved
   * (apps/api PortalRecordReads); unset or `on`: cached.
   */
  scopedPageCache?: boolean;
  /** BLOB_STORE: `embedded` (files under DATA_DIR/blobs, the default) or `s3://bucket[/prefix]`. */
  blobStore?: string;
  /** MAX_UPLOAD_MB: the largest file an upload may carry (413 beyond); default 25. */
  maxUploadMb?: number;
  /**
   * BLOB_SWEEP_GRACE_HOURS: an unreferenced blob younger than this is kept (its upload's event may
   * still be on its way); default 24.
   */
  blobSweepGraceHours?: number;
  /** BLOB_SWEEP_INTERVAL_MINUTES: pause between two sweeps of the projector role; default 60. */
  blobSweepIntervalMinutes?: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);

/** READ_STORE defaults to the same kind as EVENT_STORE where it can be, else embedded. */
function defaultReadStore(eventStore: string): string {
  return isPostgresUrl(eventStore) ? eventStore : 'embedded';
}

/**
 * The EventStoreDB client (6.x) refuses kurrentdb:// at start-up; the server is the same, so say which
 * scheme to use instead of failing later inside the client.
 */
const KURRENTDB_URL = /^kurrentdb(\+discover)?:\/\//;

function checkStoreUrl(name: string, value: string, allowed: RegExp): string {
  if (value === 'embedded' || allowed.test(value)) return value;
  if (KURRENTDB_URL.test(value)) {
    throw new ConfigError(
      `${name}: kurrentdb:// is not supported by this service's EventStoreDB client; use esdb:// (or esdb+discover://) with the same host, port and options`,
    );
  }
  throw new ConfigError(
    `${name} must be 'embedded' or a URL matching ${allowed}, got '${withoutCredentials(value)}'`,
  );
}

/** A store URL as it may be shown in an error: its user and password (if any) left out. */
function withoutCredentials(url: string): string {
  return url.replace(/\/\/[^/@]*@/, '//***@');
}

/** A secret unset in the environment: generated once and kept in DATA_DIR, so it survives restarts. */
function loadOrCreateSecret(dataDir: string, name = 'jwt-secret'): string {
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
  return secret;
}

function optionalPort(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`${name} must be a port number`);
  return port;
}

function checkBlobStore(value: string): string {
  if (value === 'embedded' || /^s3:\/\/[a-z0-9][a-z0-9.-]{1,62}(\/.*)?$/.test(value)) return value;
  throw new ConfigError(
    `BLOB_STORE must be 'embedded' or s3://bucket[/prefix], got '${withoutCredentials(value)}'`,
  );
}

function positiveNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new ConfigError(`${name} must be a positive number`);
  return parsed;
}

/** A number the setting `value` gives, if set; `refusal` when `valid` refuses it. */
function optionalNumber(
  value: string | undefined,
  valid: (n: number) => boolean,
  refusal: string,
): number | undefined {
  if (value === undefined || value === '') return undefined;
  const parsed = Number(value);
  if (!valid(parsed)) throw new ConfigError(refusal);
  return parsed;
}

export function loadServiceConfig(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT must be a port number`);
  const dataDir = resolve(env.DATA_DIR ?? './data');
  const eventStore = checkStoreUrl(
    'EVENT_STORE',
    env.EVENT_STORE ?? 'embedded',
    /^(postgres(ql)?|esdb(\+discover)?):\/\//,
  );
  const readStore = checkStoreUrl(
    'READ_STORE',
    env.READ_STORE ?? defaultReadStore(eventStore),
    /^(postgres(ql)?|mongodb(\+srv)?):\/\//,
  );
  const jwtSecret =
    env.JWT_SECRET && env.JWT_SECRET.length > 0 ? env.JWT_SECRET : loadOrCreateSecret(dataDir);
  // Without the master key every personal value in the log is unreadable: keep DATA_DIR's copy safe.
  const dataKey =
    env.DATA_KEY && env.DATA_KEY.length > 0 ? env.DATA_KEY : loadOrCreateSecret(dataDir, 'data-key');
  const retentionDays = Number(env.RETENTION_DAYS ?? 180);
  if (!Number.isInteger(retentionDays) || retentionDays < 1)
    throw new ConfigError('RETENTION_DAYS must be a whole number of days, at least 1');
  const adminEmail = env.BOOTSTRAP_ADMIN_EMAIL;
  const adminPassword = env.BOOTSTRAP_ADMIN_PASSWORD;
  if (Boolean(adminEmail) !== Boolean(adminPassword)) {
    throw new ConfigError('BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD go together');
  }
  const embeddedSharedBuffers = env.EMBEDDED_SHARED_BUFFERS || undefined;
  if (embeddedSharedBuffers !== undefined && !isPgliteMemorySize(embeddedSharedBuffers)) {
    throw new ConfigError('EMBEDDED_SHARED_BUFFERS must be a size such as 32MB (kB, MB or GB)');
  }
  const embeddedStatisticsTarget = optionalNumber(
    env.EMBEDDED_STATISTICS_TARGET,
    isStatisticsTarget,
    'EMBEDDED_STATISTICS_TARGET must be a whole number from 1 to 10000',
  );
  const embeddedHeapGrowthPercent = optionalNumber(
    env.EMBEDDED_HEAP_GROWTH_PERCENT,
    isHeapGrowthPercent,
    'EMBEDDED_HEAP_GROWTH_PERCENT must be a whole number from 0 to 400',
  );
  const scopedPageCache = env.SCOPED_PAGE_CACHE || 'on';
  if (scopedPageCache !== 'on' && scopedPageCache !== 'off')
    throw new ConfigError("SCOPED_PAGE_CACHE must be 'on' or 'off'");
  return {
    port,
    dataDir,
    eventStore,
    readStore,
    redisUrl: env.REDIS_URL || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    jwtSecret,
    bootstrapAdmin: adminEmail && adminPassword ? { email: adminEmail, password: adminPassword } : undefined,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    queuePrefix: env.QUEUE_PREFIX || undefined,
    metricsToken: env.METRICS_TOKEN || undefined,
    metricsPort: optionalPort('METRICS_PORT', env.METRICS_PORT),
    dataKey,
    retentionDays,
    embeddedSharedBuffers,
    embeddedStatisticsTarget,
    embeddedHeapGrowthPercent,
    scopedPageCache: scopedPageCache === 'on',
    blobStore: checkBlobStore(env.BLOB_STORE || 'embedded'),
    maxUploadMb: positiveNumber('MAX_UPLOAD_MB', env.MAX_UPLOAD_MB, 25),
    blobSweepGraceHours: positiveNumber('BLOB_SWEEP_GRACE_HOURS', env.BLOB_SWEEP_GRACE_HOURS, 24),
    blobSweepIntervalMinutes: positiveNumber(
      'BLOB_SWEEP_INTERVAL_MINUTES',
      env.BLOB_SWEEP_INTERVAL_MINUTES,
      60,
    ),
  };
}
