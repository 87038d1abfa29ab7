import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DataDirLockedError, lockDataDir } from './data-dir-lock';
import { PgliteSqlClient } from './pglite-sql-client';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..', '..', '..');

/** Opens the data directory in another node process and answers what it printed. */
async function openElsewhere(dataDir: string): Promise<string> {
  const script = `require('@portal/platform').PgliteSqlClient.open(${JSON.stringify(dataDir)})
    .then((c) => c.close()).then(() => console.log('opened'), (e) => console.log(e.name + ': ' + e.message));`;
  const { stdout } = await run(
    process.execPath,
    ['-r', join(ROOT, 'test/support/register-ts.cjs'), '-e', script],
    { cwd: ROOT, timeout: 120_000, env: { ...process.env, NODE_OPTIONS: '' } },
  );
  return stdout.trim();
}

describe('the lock of an embedded data directory', () => {
  jest.setTimeout(300_000);
  let dir: string;
  let others: ChildProcess[] = [];

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pglite-lock-'));
  });

  afterEach(async () => {
    for (const other of others) other.kill();
    others = [];
    await rm(dir, { recursive: true, force: true });
  });

  /** A live process of another pid, as a lock's owner. */
  function anotherProcess(): ChildProcess {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)'], { stdio: 'ignore' });
    others.push(other);
    return other;
  }

  it('refuses a second process while the first has the directory open, and lets it in after', async () => {
    const dataDir = join(dir, 'pglite');
    const client = await PgliteSqlClient.open(dataDir);
    try {
      expect(await openElsewhere(dataDir)).toMatch(
        new RegExp(`^DataDirLockedError: .*in use by process ${process.pid}.*stop that process first`),
      );
    } finally {
      await client.close();
    }
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    expect(await openElsewhere(dataDir)).toBe('opened');
  });

  it('holds while its owner lives, and is taken over once it is gone or the pid names another process', async () => {
    const dataDir = join(dir, 'pglite');
    const owner = anotherProcess();
    await new Promise<void>((resolve) => owner.once('spawn', resolve));
    const stat = existsSync(`/proc/${owner.pid}/stat`) ? readFileSync(`/proc/${owner.pid}/stat`, 'utf8') : '';
    const ticks = stat ? stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] : '';
    writeFileSync(`${dataDir}.lock`, `${owner.pid} ${ticks}\n`);
    expect(() => lockDataDir(dataDir)).toThrow(DataDirLockedError);
    await expect(PgliteSqlClient.open(dataDir)).rejects.toThrow(`in use by process ${owner.pid}`);
    if (ticks) {
      // The same pid started at another time: not the process that wrote the lock.
      writeFileSync(`${dataDir}.lock`, `${owner.pid} 1\n`);
      lockDataDir(dataDir).release();
      writeFileSync(`${dataDir}.lock`, `${owner.pid} ${ticks}\n`);
    }
    const gone = new Promise((resolve) => owner.once('exit', resolve));
    owner.kill();
    await gone;
    const lock = lockDataDir(dataDir);
    lock.release();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });
});
