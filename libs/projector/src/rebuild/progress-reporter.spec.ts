import type { ProjectorLogger } from '../projector-logger';
import { progressReporterFor } from './progress-reporter';
import type { RebuildProgress } from './rebuild-progress';

const progress: RebuildProgress = {
  generation: 2,
  events: 500,
  checkpoint: 499,
  head: 999,
  fraction: 0.5,
  eventsPerSecond: 1000,
  etaSeconds: 0.5,
  elapsedSeconds: 0.5,
};

function setUp(isTTY: boolean) {
  const written: string[] = [];
  const logged: string[] = [];
  const out = { isTTY, write: (chunk: string) => written.push(chunk) } as unknown as NodeJS.WriteStream;
  const logger: ProjectorLogger = {
    log: (m) => logged.push(m),
    warn: () => undefined,
    error: () => undefined,
  };
  return { out, logger, written, logged };
}

describe('progressReporterFor (projector:rebuild and projector:verify output)', () => {
  it('draws a bar on a terminal outside production', () => {
    const { out, logger, written, logged } = setUp(true);
    progressReporterFor(out, logger, { NODE_ENV: 'development' }).finish(progress);
    expect(written.join('')).toContain('[###############---------------] generation 2 50.0%');
    expect(logged).toEqual([]);
  });

  it('logs lines through the service logger (JSON) in production, even on a terminal', () => {
    const { out, logger, written, logged } = setUp(true);
    progressReporterFor(out, logger, { NODE_ENV: 'production' }).finish(progress);
    expect(written).toEqual([]);
    expect(logged).toEqual([expect.stringContaining('rebuilt generation 2: 50.0% 500 events')]);
  });

  it('logs lines without a terminal', () => {
    const { out, logger, written, logged } = setUp(false);
    progressReporterFor(out, logger, {}).update(progress);
    expect(written).toEqual([]);
    expect(logged).toEqual([expect.stringContaining('replaying into generation 2')]);
  });
});
