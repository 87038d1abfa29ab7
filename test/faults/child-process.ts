import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const LINE_TIMEOUT_MS = 90_000;

export interface RunningChild {
  process: ChildProcess;
  /** Resolves with the `nth` (default first) stdout line that starts with `prefix`. */
  line(prefix: string, nth?: number): Promise<string>;
  /** Resolves with the exit code (or the signal name). */
  exited: Promise<number | string>;
}

/** Runs a TypeScript file in a plain node process (register-ts.cjs), env added to ours. */
export function runTs(file: string, env: Record<string, string>): RunningChild {
  const child = spawn(
    process.execPath,
    ['-r', join(ROOT, 'test/support/register-ts.cjs'), join(ROOT, file)],
    {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  const waiters: { prefix: string; nth: number; resolve: (line: string) => void }[] = [];
  const find = (prefix: string, nth: number): string | undefined =>
    out.split('\n').filter((l) => l.startsWith(prefix))[nth - 1];
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    for (const w of [...waiters]) {
      const found = find(w.prefix, w.nth);
      if (found !== undefined) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(found);
      }
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  return {
    process: child,
    exited,
    line: (prefix, nth = 1) =>
      new Promise((resolve, reject) => {
        const found = find(prefix, nth);
        if (found !== undefined) return resolve(found);
        waiters.push({ prefix, nth, resolve });
        void exited.then((code) =>
          reject(new Error(`${file} exited (${code}) before "${prefix}": ${err.slice(-2000)}`)),
        );
        // A child that hangs fails the test with what it said, not with Jest's bare timeout.
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(
            new Error(
              `${file}: no "${prefix}" line within ${LINE_TIMEOUT_MS} ms; stderr: ${err.slice(-2000)}`,
            ),
          );
        }, LINE_TIMEOUT_MS);
        timer.unref();
      }),
  };
}

/** SIGKILL (no cleanup, no flush) and wait for the process to be gone. */
export async function kill(child: RunningChild): Promise<void> {
  child.process.kill('SIGKILL');
  await child.exited;
}

export const randomDelay = (minMs: number, maxMs: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, minMs + Math.random() * (maxMs - minMs)));
