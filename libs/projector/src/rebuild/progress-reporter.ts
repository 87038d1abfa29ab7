import type { ProjectorLogger } from '../projector-logger';
import type { RebuildProgress } from './rebuild-progress';

export interface ProgressReporter {
  update(progress: RebuildProgress): void;
  finish(progress: RebuildProgress): void;
}

const BAR_WIDTH = 30;
const LOG_EVERY_MS = 2_000;

function describe(p: RebuildProgress): string {
  const eta = p.etaSeconds === null ? '?' : `${Math.ceil(p.etaSeconds)}s`;
  return (
    `${(p.fraction * 100).toFixed(1)}% ${p.events} events, ` +
    `${Math.round(p.eventsPerSecond)} events/s, ETA ${eta} (position ${p.checkpoint}/${p.head})`
  );
}

/** A bar redrawn in place on a terminal. */
export function terminalProgressReporter(out: NodeJS.WriteStream): ProgressReporter {
  const draw = (p: RebuildProgress): void => {
    const filled = Math.round(p.fraction * BAR_WIDTH);
    out.write(
      `\r[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] generation ${p.generation} ${describe(p)}  `,
    );
  };
  return {
    update: draw,
    finish: (p) => {
      draw(p);
      out.write('\n');
    },
  };
}

/** A log line every few seconds (and at the end) where there is no terminal (CI, containers). */
export function logProgressReporter(logger: ProjectorLogger, now: () => number = Date.now): ProgressReporter {
  let last = 0;
  return {
    update: (p) => {
      if (now() - last < LOG_EVERY_MS) return;
      last = now();
      logger.log(`replaying into generation ${p.generation}: ${describe(p)}`);
    },
    finish: (p) =>
      logger.log(`rebuilt generation ${p.generation}: ${describe(p)} in ${p.elapsedSeconds.toFixed(1)}s`),
  };
}

/**
 * The bar on a terminal outside production; log lines otherwise (in production one JSON object a
 * line through the service's logger, like every other line of the process).
 */
export function progressReporterFor(
  out: NodeJS.WriteStream,
  logger: ProjectorLogger,
  env: NodeJS.ProcessEnv = process.env,
): ProgressReporter {
  return out.isTTY && env.NODE_ENV !== 'production'
    ? terminalProgressReporter(out)
    : logProgressReporter(logger);
}
