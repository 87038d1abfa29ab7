import { pino, type DestinationStream, type Level, type Logger } from 'pino';

export type ServiceLogger = Logger;

/** Censored wherever they appear in a log object: credentials, tokens and one-time links. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-metrics-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.tokenHash',
  '*.link',
  'password',
  'token',
  'accessToken',
];

const LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

export interface ServiceLoggerOptions {
  env?: NodeJS.ProcessEnv;
  /** Where lines go; default stdout (pretty only when it is a TTY outside production). */
  destination?: DestinationStream;
  /** Overrides LOG_LEVEL (tests). */
  level?: Level | 'silent';
}

/**
 * The process's logger: one JSON object per line (pino), level from LOG_LEVEL (default info),
 * secrets censored. Readable colour output only for a developer at a terminal (a TTY outside
 * production, with pino-pretty installed as it is by `npm ci`).
 */
export function createServiceLogger(options: ServiceLoggerOptions = {}): ServiceLogger {
  const env = options.env ?? process.env;
  const fromEnv = env.LOG_LEVEL?.toLowerCase();
  const level = options.level ?? (fromEnv && LEVELS.has(fromEnv) ? fromEnv : 'info');
  const settings = {
    level,
    base: { service: 'crm-customer-portal' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // A request is logged by method and path only: its query may hold a one-time token.
    serializers: {
      req: (req: { method?: string; url?: string }) => ({ method: req.method, path: req.url?.split('?')[0] }),
      err: pino.stdSerializers.err,
    },
  };
  if (options.destination) return pino(settings, options.destination);
  if (process.stdout.isTTY && env.NODE_ENV !== 'production' && prettyInstalled()) {
    return pino({ ...settings, transport: { target: 'pino-pretty', options: { colorize: true } } });
  }
  return pino(settings);
}

function prettyInstalled(): boolean {
  try {
    require.resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}
