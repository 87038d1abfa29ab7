import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { bearerMatches } from '@portal/platform';

export interface MetricsServerOptions {
  registry: Registry;
  /** METRICS_TOKEN: the only bearer allowed to read /metrics (unset: nobody). */
  token: string | undefined;
  /** Readiness: whether this role does its work (store reachable, caught up once). */
  ready: () => Promise<boolean>;
  port: number;
  host?: string;
}

export interface MetricsServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The operations listener of a process without the API (the projector or the mailer alone, on
 * METRICS_PORT): GET /metrics for METRICS_TOKEN (401 otherwise, as the API's), GET /health/live
 * (no I/O) and GET /health/ready (200 or 503), the same answers the API gives for itself.
 */
export async function startMetricsServer(options: MetricsServerOptions): Promise<MetricsServer> {
  const server = createServer((request, response) => {
    void answer(options, request, response).catch(() => {
      if (!response.headersSent) send(response, 500, 'application/json', '{"status":"error"}');
      else response.destroy();
    });
  });
  await listen(server, options.port, options.host ?? '0.0.0.0');
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  return {
    url: `http://${host}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function answer(options: MetricsServerOptions, request: IncomingMessage, response: ServerResponse) {
  const path = (request.url ?? '/').split('?')[0];
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    send(response, 405, 'application/json', '{"status":"method_not_allowed"}');
    return;
  }
  if (path === '/health/live') {
    send(response, 200, 'application/json', '{"status":"ok"}');
    return;
  }
  if (path === '/health/ready' || path === '/health') {
    const ready = await options.ready().catch(() => false);
    send(
      response,
      ready ? 200 : 503,
      'application/json',
      JSON.stringify({ status: ready ? 'ok' : 'degraded' }),
    );
    return;
  }
  if (path === '/metrics') {
    if (!bearerMatches(request.headers.authorization, options.token)) {
      response.setHeader('WWW-Authenticate', 'Bearer');
      send(response, 401, 'application/json', '{"status":"unauthorized"}');
      return;
    }
    send(response, 200, options.registry.contentType, await options.registry.metrics());
    return;
  }
  send(response, 404, 'application/json', '{"status":"not_found"}');
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  response.end(body);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
