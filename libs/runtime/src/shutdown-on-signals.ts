import { flushTracing } from '@portal/tracing';

/**
 * Graceful shutdown: the first SIGINT/SIGTERM closes the service (in-flight requests finish,
 * batches commit); a second one exits at once.
 */
export function shutdownOnSignals(
  close: () => Promise<void>,
  log: (message: string) => void = console.log,
): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(1);
    stopping = true;
    log(`${signal} received: shutting down`);
    // The spans still buffered go out before the process ends (nothing to do without tracing).
    close().then(
      () => flushTracing().finally(() => process.exit(0)),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
