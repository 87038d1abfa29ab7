import { readFileSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/**
 * The data directory of a freshly created in-memory database (what initdb leaves), as a tarball an
 * in-memory database starts from instead of running initdb again. initdb is most of an in-memory
 * start (the tests open one per app boot and per store suite); the directory it writes depends only
 * on the PGlite build, so it is made once per PGlite version and machine, kept in the temp folder,
 * and shared by every process (written under a unique name, then renamed, so a reader never sees half
 * of one). Databases on disk (DATA_DIR) never use it: they run initdb once, in a child process.
 */
let template: Promise<Blob> | undefined;

export function memoryTemplate(): Promise<Blob> {
  template ??= loadOrCreate().catch((error: unknown) => {
    template = undefined;
    throw error;
  });
  return template;
}

async function loadOrCreate(): Promise<Blob> {
  const file = join(tmpdir(), `portal-pglite-template-${pgliteVersion()}.tar`);
  try {
    return new Blob([await readFile(file)]);
  } catch {
    // Not made yet on this machine: make it.
  }
  const db = await PGlite.create();
  const dump = await db.dumpDataDir('none');
  await db.close();
  const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
  await rename(partial, file);
  return dump;
}

/** The installed PGlite's version (its package.json is not exported, so it is read from disk). */
function pgliteVersion(): string {
  let dir = dirname(require.resolve('@electric-sql/pglite'));
  while (!dir.endsWith(join('@electric-sql', 'pglite')) && dirname(dir) !== dir) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}
