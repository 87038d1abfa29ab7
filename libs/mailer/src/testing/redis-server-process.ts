import { type ChildProcess, spawn, spawnSync } from 'node:child_process';

/** Whether a `redis-server` binary is on PATH (tests that need their own Redis skip without it). */
export function redisServerOnPath(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

export interface RedisServerOptions {
  port: number;
  /** With a directory: an append-only file fsynced on every write, so a kill -9 loses nothing. */
  aofDir?: string;
}

/** A redis-server of a test's own on loopback, which the test may kill -9 and start again. */
export class RedisServerProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  static async start(options: RedisServerOptions): Promise<RedisServerProcess> {
    const persistence = options.aofDir
      ? ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', options.aofDir]
      : ['--appendonly', 'no'];
    const args = ['--port', String(options.port), '--bind', '127.0.0.1', '--save', '', ...persistence];
    const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) resolve();
      });
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
    });
    return new RedisServerProcess(child, options.port);
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** kill -9: no shutdown, no final save; resolves once the process is gone. */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGKILL');
    await exited;
  }
}
