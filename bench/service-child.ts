// The runner's handle on a bench-service child: spawns it, sends requests, reads its peak RSS.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchReply, BenchRequest, StoreTargets } from './bench-messages';
import { embeddedNodeFlags } from './embedded-node-flags';

type Op = BenchRequest extends infer R ? (R extends { op: infer O } ? O : never) : never;
type Args<O extends Op> = Omit<Extract<BenchRequest, { op: O }>, 'id' | 'op'>;

export class ServiceChild {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static start(targets: StoreTargets, onProgress: (text: string) => void): Promise<ServiceChild> {
    const root = join(__dirname, '..');
    const embedded = targets.eventStore === 'embedded' || targets.readStore === 'embedded';
    const child = fork(join(__dirname, 'bench-service.ts'), [], {
      execArgv: [...(embedded ? embeddedNodeFlags() : []), '-r', join(root, 'test/support/register-ts.cjs')],
      env: { ...process.env, BENCH_TARGETS: JSON.stringify(targets) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      let handle: ServiceChild | undefined;
      child.on('message', (reply: BenchReply) => {
        if (reply.kind === 'ready') resolve((handle = new ServiceChild(child, reply.url)));
        else if (reply.kind === 'progress') onProgress(reply.text);
        else handle?.settle(reply);
      });
      child.on('exit', (code) => {
        const error = new Error(`bench service exited with ${code}`);
        reject(error);
        for (const waiting of handle?.pending.values() ?? []) waiting.reject(error);
      });
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  request<O extends Op, T = unknown>(op: O, args: Args<O>): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, op, ...args });
    });
  }

  /** Peak resident set size since the last reset (VmHWM), in MiB. */
  peakRssMiB(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kib = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kib / 1024);
  }

  /** Starts a new peak RSS window (Linux: writing 5 to clear_refs resets VmHWM). */
  resetPeakRss(): void {
    try {
      writeFileSync(`/proc/${this.pid}/clear_refs`, '5');
    } catch {
      // Not permitted here: the peak then covers the whole life of the process (still an upper bound).
    }
  }

  async stop(): Promise<void> {
    await this.request('stop', {}).catch(() => undefined);
  }

  private settle(reply: Extract<BenchReply, { id: number }>): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (reply.kind === 'result') waiting.resolve(reply.value);
    else waiting.reject(new Error(reply.message));
  }
}
