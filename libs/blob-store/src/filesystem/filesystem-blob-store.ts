import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, unlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  assertBlobId,
  type BlobInfo,
  type BlobStore,
  type ByteRange,
  type StoredBlob,
} from '../blob-store.port';
import { HashingStream } from '../hashing-stream';

const TEMP_DIR = 'tmp';
/** Bytes an upload may have waiting for the disk before its source is paused. */
const WRITE_BUFFER_BYTES = 1024 * 1024;
/** Bytes a download reads from the file at a time. */
const READ_CHUNK_BYTES = 512 * 1024;

/**
 * Blobs as files under one directory (DATA_DIR/blobs): `<first two hex digits>/<sha256>`. A put
 * writes a temporary file, fsyncs it, renames it into place and fsyncs the directory, so a crash
 * leaves either the whole blob or only a temporary file (removed by removeIncomplete).
 */
export class FilesystemBlobStore implements BlobStore {
  readonly kind = 'filesystem';

  private constructor(private readonly root: string) {}

  static async open(root: string): Promise<FilesystemBlobStore> {
    await mkdir(join(root, TEMP_DIR), { recursive: true });
    return new FilesystemBlobStore(root);
  }

  private pathOf(sha256: string): string {
    assertBlobId(sha256);
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  async put(source: Readable): Promise<StoredBlob> {
    const temp = join(this.root, TEMP_DIR, randomUUID());
    const file = await open(temp, 'wx', 0o600);
    const hashing = new HashingStream();
    let blob: StoredBlob;
    try {
      // Writes gather while one is under way and go down together (writev): few large writes, and the
      // source keeps flowing meanwhile; past WRITE_BUFFER_BYTES the source waits (back-pressure). The
      // handle stays open for the fsync. A source destroyed early rejects the pipeline.
      await pipeline(
        source,
        hashing,
        // By descriptor: a FileHandle's own stream holds the handle until the stream closes.
        createWriteStream('', { fd: file.fd, autoClose: false, highWaterMark: WRITE_BUFFER_BYTES }),
      );
      await file.sync();
      blob = hashing.digest();
    } catch (error) {
      await file.close().catch(() => undefined);
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    await file.close();
    const target = this.pathOf(blob.sha256);
    try {
      // Same bytes already stored: keep them, and renew their time so a sweep cannot take them
      // between this put and the event that will reference them. Gone (or swept this instant):
      // the temporary file takes their place below.
      const now = new Date();
      await utimes(target, now, now);
      await unlink(temp);
      return blob;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        await unlink(temp).catch(() => undefined);
        throw error;
      }
    }
    await mkdir(join(this.root, blob.sha256.slice(0, 2)), { recursive: true });
    await rename(temp, target);
    await this.syncDirectory(join(this.root, blob.sha256.slice(0, 2)));
    return blob;
  }

  private async syncDirectory(dir: string): Promise<void> {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  async open(sha256: string, range?: ByteRange): Promise<Readable | null> {
    const path = this.pathOf(sha256);
    if (!(await stat(path).catch(() => null))) return null;
    // Large reads: a download is a few dozen reads and socket writes per 10 MiB, not hundreds.
    return createReadStream(path, {
      highWaterMark: READ_CHUNK_BYTES,
      ...(range ? { start: range.start, end: range.end } : {}),
    });
  }

  async stat(sha256: string): Promise<BlobInfo | null> {
    const found = await stat(this.pathOf(sha256)).catch(() => null);
    return found ? { sha256, size: found.size, storedAt: found.mtime } : null;
  }

  async delete(sha256: string): Promise<boolean> {
    try {
      await unlink(this.pathOf(sha256));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  /**
   * Moves the blob aside first (atomic), then judges the moved file: a put that renewed it before
   * the move shows in its time and it goes back; a put after the move finds no blob and stores its
   * own copy. So no put can report bytes stored that this then deletes.
   */
  async deleteIfStoredBefore(sha256: string, before: Date): Promise<boolean> {
    const path = this.pathOf(sha256);
    const aside = join(this.root, TEMP_DIR, `sweep-${randomUUID()}`);
    try {
      await rename(path, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
    const moved = await stat(aside);
    if (moved.mtime >= before) {
      await rename(aside, path);
      return false;
    }
    await unlink(aside);
    return true;
  }

  async *list(): AsyncIterable<BlobInfo> {
    for (const dir of await readdir(this.root)) {
      if (!/^[0-9a-f]{2}$/.test(dir)) continue;
      for (const name of await readdir(join(this.root, dir)).catch(() => [] as string[])) {
        if (!/^[0-9a-f]{64}$/.test(name)) continue;
        const info = await this.stat(name);
        if (info) yield info;
      }
    }
  }

  async removeIncomplete(before: Date): Promise<number> {
    let removed = 0;
    const dir = join(this.root, TEMP_DIR);
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      const found = await stat(join(dir, name)).catch(() => null);
      if (!found || found.mtime >= before) continue;
      await rm(join(dir, name), { force: true });
      removed++;
    }
    return removed;
  }

  async close(): Promise<void> {}
}
