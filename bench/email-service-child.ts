// The runner's handle on bench/email-service.ts (the one-process service): forks it, asks over IPC.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { EmailBenchRequest } from './email-service';
import { embeddedNodeFlags } from './embedded-node-flags';

type Op = EmailBenchRequest['op'];
type Args<O extends Op> = Omit<Extract<EmailBenchRequest, { op: O }>, 'id' | 'op'>;

/** The service child: one process, spoken to over IPC. */
export class EmailServiceChild {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static start(): Promise<EmailServiceChild> {
    const root = join(__dirname, '..');
    const child = fork(join(__dirname, 'email-service.ts'), [], {
      execArgv: [...embeddedNodeFlags(), '-r', join(root, 'test/support/register-ts.cjs')],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      let handle: EmailServiceChild | undefined;
      child.on(
        'message',
        (reply: { kind: string; id?: number; url?: string; value?: unknown; message?: string }) => {
          if (reply.kind === 'ready') resolve((handle = new EmailServiceChild(child, reply.url!)));
          const pending = reply.id === undefined ? undefined : handle?.waiting.get(reply.id);
          if (!pending) return;
          handle!.waiting.delete(reply.id!);
          if (reply.kind === 'result') pending.resolve(reply.value);
          else pending.reject(new Error(reply.message));
        },
      );
      child.on('exit', (code) => {
        const error = new Error(`email bench service exited with ${code}`);
        reject(error);
        for (const pending of handle?.waiting.values() ?? []) pending.reject(error);
      });
    });
  }

  request<O extends Op, T = unknown>(op: O, args: Args<O>): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, op, ...args });
    });
  }
}
