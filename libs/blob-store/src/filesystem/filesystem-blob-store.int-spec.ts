import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blobStoreContract } from '../blob-store.contract';
import { FilesystemBlobStore } from './filesystem-blob-store';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'blob-store-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

blobStoreContract('filesystem', () => FilesystemBlobStore.open(root));

describe('filesystem blob store', () => {
  it('removes temporary files an interrupted process left, only those older than asked', async () => {
    const store = await FilesystemBlobStore.open(join(root, 'incomplete'));
    const old = join(root, 'incomplete', 'tmp', 'left-by-a-crash');
    const fresh = join(root, 'incomplete', 'tmp', 'in-flight');
    await writeFile(old, 'partial');
    await writeFile(fresh, 'partial');
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(old, hourAgo, hourAgo);
    expect(await store.removeIncomplete(new Date(Date.now() - 60_000))).toBe(1);
    expect(await readdir(join(root, 'incomplete', 'tmp'))).toEqual(['in-flight']);
  });
});
