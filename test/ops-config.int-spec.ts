import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { S3BlobStore } from '../libs/blob-store/src/s3/s3-blob-store';
import { openBlobStore } from '@portal/blob-store';
import { createMetricsRegistry, loadServiceConfig } from '@portal/platform';
import { ApiMetrics } from '../apps/api/src/metrics/api-metrics';
import { registerMailerMetrics } from '../libs/runtime/src/metrics/mailer-metrics';
import { registerProjectorMetrics } from '../libs/runtime/src/metrics/projector-metrics';

const ROOT = join(__dirname, '..');
const yaml = (path: string) => load(readFileSync(join(ROOT, path), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * No docker engine runs here or in CI: the compose file, the Prometheus and collector configs and
 * the Grafana dashboard are parsed instead, and held to what the apps really serve.
 */
describe('operations config (docker-compose, Prometheus, Grafana, OpenTelemetry collector)', () => {
  const compose = yaml('docker-compose.yml');
  const services = compose.services as Record<string, Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any

  it('runs Prometheus and Grafana always, the collector and Jaeger only under the tracing profile', () => {
    for (const name of ['api', 'projector', 'mailer', 'prometheus', 'grafana']) {
      expect(services[name]).toBeDefined();
      expect(services[name].profiles).toBeUndefined();
    }
    expect(services['otel-collector'].profiles).toEqual(['tracing']);
    expect(services.jaeger.profiles).toEqual(['tracing']);
    for (const [service, mount] of [
      ['prometheus', './ops/prometheus/prometheus.yml'],
      ['grafana', './ops/grafana/provisioning'],
      ['grafana', './ops/grafana/dashboards'],
      ['otel-collector', './ops/otel-collector/config.yaml'],
    ]) {
      expect((services[service].volumes as string[]).some((v) => v.startsWith(`${mount}:`))).toBe(true);
    }
  });

  it('scrapes each app where it serves /metrics, with the token the apps are given and no default one', () => {
    const prometheus = yaml('ops/prometheus/prometheus.yml');
    // Every app's environment extends the x-app anchor's.
    const env = compose['x-app'].environment as Record<string, string>;
    // Required (compose refuses to start without it): no default, hence no token anyone could guess.
    expect(env.METRICS_TOKEN).toMatch(/^\$\{METRICS_TOKEN:\?[^}]+\}$/);
    for (const service of Object.values(services)) {
      const token = (service.environment as Record<string, unknown> | undefined)?.METRICS_TOKEN;
      if (token !== undefined) expect(token).toBe(env.METRICS_TOKEN);
    }
    // Prometheus reads the same variable, as a compose secret mounted where its config looks.
    expect(compose.secrets.metrics_token).toEqual({ environment: 'METRICS_TOKEN' });
    expect(services.prometheus.secrets).toEqual(['metrics_token']);
    const jobs = prometheus.scrape_configs as {
      metrics_path: string;
      authorization: { type: string; credentials_file: string };
      static_configs: { targets: string[] }[];
    }[];
    const targets = jobs.flatMap((job) => {
      expect(job.metrics_path).toBe('/metrics');
      expect(job.authorization).toEqual({ type: 'Bearer', credentials_file: '/run/secrets/metrics_token' });
      return job.static_configs.flatMap((c) => c.targets);
    });
    expect(targets.sort()).toEqual(
      [`api:${env.PORT}`, `mailer:${env.METRICS_PORT}`, `projector:${env.METRICS_PORT}`].sort(),
    );
    for (const role of ['projector', 'mailer']) {
      expect(JSON.stringify(services[role].healthcheck.test)).toContain(`:${env.METRICS_PORT}/health/ready`);
    }
  });

  it('stores uploads in MinIO: a bucket made before the apps start, reached with its root credentials', async () => {
    // `${NAME:-default}` as compose resolves it with nothing set in the shell.
    const resolved = (value: string) => value.replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1');
    const env = Object.fromEntries(
      Object.entries(compose['x-app'].environment as Record<string, string>).map(([k, v]) => [
        k,
        resolved(v),
      ]),
    );
    const minio = services.minio;
    expect(minio.image).toMatch(/^minio\/minio:RELEASE\./);
    expect(minio.command).toEqual(['server', '/data', '--console-address', ':9001']);
    expect(minio.volumes).toContain('minio-data:/data');
    expect(Object.keys(compose.volumes)).toContain('minio-data');
    const minioEnv = Object.fromEntries(
      Object.entries(minio.environment as Record<string, string>).map(([k, v]) => [k, resolved(v)]),
    );
    expect([env.AWS_ACCESS_KEY_ID, env.AWS_SECRET_ACCESS_KEY]).toEqual([
      minioEnv.MINIO_ROOT_USER,
      minioEnv.MINIO_ROOT_PASSWORD,
    ]);
    // The init job makes the bucket BLOB_STORE names, after MinIO is healthy; every app waits for it.
    const bucket = /^s3:\/\/([^/]+)/.exec(env.BLOB_STORE)![1];
    const init = services['minio-init'];
    expect(init.depends_on.minio.condition).toBe('service_healthy');
    expect(init.command.join(' ')).toContain(`mc mb --ignore-existing portal/${bucket}`);
    expect(init.command.join(' ')).toContain('http://minio:9000');
    expect(compose['x-app'].depends_on['minio-init'].condition).toBe('service_completed_successfully');
    expect(new URL(env.AWS_ENDPOINT_URL_S3).host).toBe('minio:9000');
    // The apps accept the settings and open an S3 store on that endpoint, path-style (MinIO has no
    // virtual-host buckets); opening sends no request.
    const config = loadServiceConfig({ ...env, DATA_KEY: 'ops-config spec', DATA_DIR: tmpdir() });
    expect(config.blobStore).toBe(`s3://${bucket}`);
    const store = await openBlobStore(config.blobStore!, config.dataDir, env);
    try {
      expect(store).toBeInstanceOf(S3BlobStore);
      const client = (
        store as unknown as {
          client: {
            config: {
              forcePathStyle?: boolean;
              endpoint?: () => Promise<{ hostname: string; port?: number }>;
            };
          };
        }
      ).client;
      expect(client.config.forcePathStyle).toBe(true);
      const endpoint = await client.config.endpoint!();
      expect([endpoint.hostname, endpoint.port]).toEqual(['minio', 9000]);
    } finally {
      await store.close();
    }
  });

  it('sends traces through the collector to Jaeger over OTLP', () => {
    const collector = yaml('ops/otel-collector/config.yaml');
    expect(collector.receivers.otlp.protocols.http.endpoint).toBe('0.0.0.0:4318');
    expect(collector.exporters['otlp/jaeger'].endpoint).toBe('jaeger:4317');
    expect(collector.service.pipelines.traces.exporters).toEqual(['otlp/jaeger']);
    expect(services.jaeger.environment.COLLECTOR_OTLP_ENABLED).toBe('true');
  });

  it('has a dashboard whose every query names series the apps serve', async () => {
    const registry = createMetricsRegistry();
    new ApiMetrics(registry);
    registerProjectorMetrics(registry, () =>
      Promise.resolve({ generation: 1, checkpoint: 0, head: 0, events: 0, seconds: 0 }),
    );
    registerMailerMetrics(registry, () => Promise.resolve(undefined));
    const served = new Set<string>();
    for (const metric of await registry.getMetricsAsJSON()) {
      served.add(metric.name);
      if (String(metric.type) === 'histogram')
        for (const suffix of ['_bucket', '_count', '_sum']) served.add(metric.name + suffix);
    }
    const dashboard = JSON.parse(readFileSync(join(ROOT, 'ops/grafana/dashboards/portal.json'), 'utf8')) as {
      uid: string;
      panels: { type: string; targets?: { expr: string }[] }[];
    };
    const provisioning = yaml('ops/grafana/provisioning/dashboards/portal.yml');
    expect(provisioning.providers[0].options.path).toBe('/var/lib/grafana/dashboards');
    const exprs = dashboard.panels.flatMap((p) => p.targets ?? []).map((t) => t.expr);
    expect(exprs.length).toBeGreaterThan(10);
    const named = exprs.flatMap((e) => e.match(/\b(?:portal|http|process|nodejs)_[a-z0-9_]+/g) ?? []);
    expect(named.filter((name) => !served.has(name))).toEqual([]);
    // Every portal_ family the apps serve is on the dashboard.
    const families = [...served].filter((n) => n.startsWith('portal_') && !/_(bucket|count|sum)$/.test(n));
    const shown = new Set(named.map((n) => n.replace(/_(bucket|count|sum)$/, '')));
    expect(families.filter((f) => !shown.has(f))).toEqual([]);
  });
});
