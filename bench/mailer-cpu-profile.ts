// BENCH_CPU_PROF=<dir>: a V8 CPU profile of the bench service while its mailer runs (from the
// mailer's start to the runner's count of its work), one .cpuprofile per run, for DevTools or
// `node bench/profile-shares.cjs`. Shares of a profile are a figure machine load hardly moves.
import { Session } from 'node:inspector/promises';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export class MailerCpuProfile {
  private session: Session | undefined;
  private runs = 0;

  constructor(private readonly directory = process.env.BENCH_CPU_PROF) {}

  async start(): Promise<void> {
    if (!this.directory || this.session) return;
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 500 });
    await session.post('Profiler.start');
    this.session = session;
  }

  /** Writes the profile of the run that ends now (nothing when not profiling). */
  async stop(): Promise<void> {
    const session = this.session;
    if (!session || !this.directory) return;
    this.session = undefined;
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    this.runs += 1;
    await writeFile(
      join(this.directory, `mailer-${process.pid}-${this.runs}.cpuprofile`),
      JSON.stringify(profile),
    );
  }
}
