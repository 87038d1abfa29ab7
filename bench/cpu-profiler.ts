// A CPU profile of the bench service over one measurement (BENCH_CPU_PROFILE_DIR), taken through the
// inspector in-process: `node --cpu-prof` would cover the seeding too. Open the file in Chrome
// DevTools or speedscope.
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';

export class CpuProfiler {
  private session: Session | undefined;

  async start(): Promise<void> {
    this.session = new Session();
    this.session.connect();
    await this.session.post('Profiler.enable');
    await this.session.post('Profiler.start');
  }

  async stopInto(file: string): Promise<void> {
    if (!this.session) throw new Error('no profile was started');
    const { profile } = await this.session.post('Profiler.stop');
    this.session.disconnect();
    this.session = undefined;
    await writeFile(file, JSON.stringify(profile));
  }
}
