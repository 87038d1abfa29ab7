import { progressBar, progressLine, readProgress } from './progress-meter';

/** Shows how far a run is: a bar redrawn in place on a terminal, a line now and then in a log. */
export interface ProgressReporter {
  update(done: number, fraction: number): void;
  finish(done: number): void;
}

type Output = Pick<NodeJS.WriteStream, 'write'>;

export class TerminalProgressBar implements ProgressReporter {
  private readonly startedAt = Date.now();
  private lastDrawAt = 0;

  constructor(
    private readonly out: Output,
    private readonly label: string,
  ) {}

  update(done: number, fraction: number): void {
    const now = Date.now();
    if (now - this.lastDrawAt < 100 && fraction < 1) return; // redraws cost more than pages
    this.lastDrawAt = now;
    this.out.write(`\r${this.label} ${progressBar(readProgress(done, fraction, this.startedAt, now))}`);
  }

  finish(done: number): void {
    this.out.write(`\r${this.label} ${progressBar(readProgress(done, 1, this.startedAt, Date.now()))}\n`);
  }
}

export class LogLineProgress implements ProgressReporter {
  private readonly startedAt = Date.now();
  private lastLineAt = Date.now();

  constructor(
    private readonly log: (line: string) => void,
    private readonly label: string,
    private readonly everyMs = 5000,
  ) {}

  update(done: number, fraction: number): void {
    const now = Date.now();
    if (now - this.lastLineAt < this.everyMs) return;
    this.lastLineAt = now;
    this.log(`${this.label}: ${progressLine(readProgress(done, fraction, this.startedAt, now))}`);
  }

  finish(done: number): void {
    this.log(`${this.label}: done, ${progressLine(readProgress(done, 1, this.startedAt, Date.now()))}`);
  }
}

export function progressReporterFor(out: NodeJS.WriteStream, label: string): ProgressReporter {
  return out.isTTY
    ? new TerminalProgressBar(out, label)
    : new LogLineProgress((line) => out.write(`${line}\n`), label);
}
