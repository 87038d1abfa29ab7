// A CPU profile of the bench service over one measurement (BENCH_CPU_PROFILE_DIR), taken through the
// inspector in-process: `node --cpu-prof` would cover the seeding too. Open the file in Chrome
// DevTools or speedscope, or get self-time shares with `node bench/profile-shares.cjs <file>`;
// shares are a figure machine load hardly moves.
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';

export class CpuProfiler {
  private session: Session | undefined;

  /** @param samplingMicros finer than V8's default 1 ms for short runs such as the mailer's. */
  constructor(private readonly samplingMicros?: number) {}

  get running(): boolean {
    return this.session !== undefined;
  }

  async start(): Promise<void> {
    if (this.session) return;
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    if (this.samplingMicros) {
      await session.post('Profiler.setSamplingInterval', { interval: this.samplingMicros });
    }
    await session.post('Profiler.start');
    this.session = session;
  }

  async stopInto(file: string): Promise<void> {
    const session = this.session;
    if (!session) throw new Error('no profile was started');
    this.session = undefined;
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    await writeFile(file, JSON.stringify(profile));
  }
}
