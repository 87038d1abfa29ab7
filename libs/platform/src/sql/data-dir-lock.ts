import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Another process holds an embedded data directory. */
export class DataDirLockedError extends Error {
  constructor(dataDir: string, lockFile: string, pid: number) {
    super(
      `the embedded database ${dataDir} is in use by process ${pid} (lock ${lockFile}): ` +
        'stop that process first (the embedded store is single-process), or remove the lock file if no such process runs',
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  release(): void;
}

interface Owner {
  pid: number;
  started?: string;
}

/**
 * The lock of an embedded data directory: `<dir>.lock` beside it, holding the owner's pid and
 * the time that process started. PGlite is Postgres in one process: a second process on the same
 * directory (a `projector:rebuild` or `privacy:migrate` while the service runs) would corrupt it,
 * and PgliteSqlClient keeps read results that are valid only while its process alone changes the
 * database. A lock whose process is gone (a crash, a kill) is taken over; so is one naming this
 * process (which shares one instance per directory: PgliteSqlClient.open) or a process of the same
 * pid started at another time (the pid reused, as in a restarted container).
 *
 * Takes the lock of `dataDir` for this process, or throws DataDirLockedError while its owner lives.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const lockFile = `${resolve(dataDir)}.lock`;
  const mine = `${process.pid} ${startTimeOf(process.pid) ?? ''}\n`;
  const temporary = `${lockFile}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(temporary, mine);
  try {
    for (let attempt = 0; ; attempt += 1) {
      try {
        // A hard link appears whole or not at all: no reader ever sees a half-written lock.
        linkSync(temporary, lockFile);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 3) throw error;
      }
      const owner = ownerOf(lockFile);
      if (owner && holds(owner)) throw new DataDirLockedError(dataDir, lockFile, owner.pid);
      removeIfUnchanged(lockFile, owner);
    }
  } finally {
    unlinkSync(temporary);
  }
  return {
    release: () => {
      if (readOr(lockFile) === mine) unlinkSync(lockFile);
    },
  };
}

function ownerOf(lockFile: string): Owner | undefined {
  const [pid, started] = (readOr(lockFile) ?? '').trim().split(' ');
  return /^\d+$/.test(pid) ? { pid: Number(pid), ...(started ? { started } : {}) } : undefined;
}

/** Whether the process a lock names is another one, alive, and the one that wrote it. */
function holds(owner: Owner): boolean {
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: it lives, under another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const started = startTimeOf(owner.pid);
  return owner.started === undefined || started === undefined || started === owner.started;
}

/** Removes a stale lock unless another process replaced it since it was read. */
function removeIfUnchanged(lockFile: string, owner: Owner | undefined): void {
  const now = ownerOf(lockFile);
  if (now?.pid !== owner?.pid || now?.started !== owner?.started) return;
  try {
    unlinkSync(lockFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** When a process started, in clock ticks since boot (Linux's /proc); undefined elsewhere. */
function startTimeOf(pid: number): string | undefined {
  const stat = readOr(`/proc/${pid}/stat`);
  // Fields after the command (which may hold spaces) in parentheses; the start time is field 22.
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

function readOr(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
