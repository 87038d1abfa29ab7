import type { ServiceLogger } from '@portal/platform';

/** The log/warn/error shape the projector and the mailer log through, onto pino (one JSON line each). */
export interface RoleLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export function roleLogger(log: ServiceLogger, component: string): RoleLogger {
  const child = log.child({ component });
  return {
    log: (message) => child.info(message),
    warn: (message) => child.warn(message),
    error: (message) => child.error(message),
  };
}
