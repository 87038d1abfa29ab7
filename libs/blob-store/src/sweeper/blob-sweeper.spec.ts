import type { Readable } from 'node:stream';
import type { BlobInfo, BlobStore } from '../blob-store.port';
import { BlobSweeper, type BlobReferences } from './blob-sweeper';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-12-06T12:00:00Z');
const id = (n: number) => String(n).padStart(64, '0');

/** Blobs in a map; `onStat` lets a test change a blob between the sweep's list and its delete. */
class MapBlobStore implements BlobStore {
  readonly kind = 'map';
  readonly blobs = new Map<string, BlobInfo>();
  incompleteBefore: Date | undefined;
  onStat: (sha256: string) => void = () => undefined;

  add(n: number, ageMs: number, size = 10): void {
    this.blobs.set(id(n), { sha256: id(n), size, storedAt: new Date(NOW - ageMs) });
  }
  put(): Promise<never> {
    throw new Error('not used');
  }
  async open(): Promise<Readable | null> {
    return null;
  }
  async stat(sha256: string): Promise<BlobInfo | null> {
    return this.blobs.get(sha256) ?? null;
  }
  async deleteIfStoredBefore(sha256: string, before: Date): Promise<boolean> {
    this.onStat(sha256);
    const blob = this.blobs.get(sha256);
    if (!blob || blob.storedAt >= before) return false;
    return this.blobs.delete(sha256);
  }
  async delete(sha256: string): Promise<boolean> {
    return this.blobs.delete(sha256);
  }
  async *list(): AsyncIterable<BlobInfo> {
    for (const blob of [...this.blobs.values()]) yield { ...blob };
  }
  async removeIncomplete(before: Date): Promise<number> {
    this.incompleteBefore = before;
    return 2;
  }
  async close(): Promise<void> {}
}

function sweeperOn(store: MapBlobStore, references: BlobReferences, lines: unknown[] = []) {
  return new BlobSweeper({
    store,
    references,
    graceMs: HOUR,
    intervalMs: HOUR,
    log: (fields, message) => lines.push({ ...fields, message }),
    now: () => NOW,
  });
}

const held = (ids: string[], caughtUp = true): BlobReferences => ({
  caughtUp: async () => caughtUp,
  isReferenced: async (sha256) => ids.includes(sha256),
});

describe('BlobSweeper', () => {
  it('deletes only unreferenced blobs older than the grace period, and old temporary files', async () => {
    const store = new MapBlobStore();
    store.add(1, 2 * HOUR, 100); // old orphan
    store.add(2, 2 * HOUR); // old, referenced
    store.add(3, HOUR / 2); // young orphan
    const lines: Record<string, unknown>[] = [];
    const result = await sweeperOn(store, held([id(2)]), lines).sweep();
    expect(result).toEqual({
      checked: 3,
      young: 1,
      referenced: 1,
      deleted: 1,
      bytesDeleted: 100,
      incompleteRemoved: 2,
    });
    expect([...store.blobs.keys()].sort()).toEqual([id(2), id(3)]);
    expect(store.incompleteBefore).toEqual(new Date(NOW - HOUR));
    expect(lines).toEqual([
      expect.objectContaining({ blobSweep: expect.objectContaining({ deleted: 1, store: 'map' }) }),
    ]);
    expect(JSON.stringify(lines)).not.toContain(id(1));
  });

  it('does nothing while the read models are behind the head', async () => {
    const store = new MapBlobStore();
    store.add(1, 2 * HOUR);
    const result = await sweeperOn(store, held([], false)).sweep();
    expect(result).toMatchObject({ checked: 0, deleted: 0, skipped: 'read models behind the event store' });
    expect(store.blobs.size).toBe(1);
    expect(store.incompleteBefore).toBeUndefined();
  });

  it('keeps a blob stored again between the listing and the delete (its upload is on its way)', async () => {
    const store = new MapBlobStore();
    store.add(1, 2 * HOUR);
    store.onStat = (sha256) => {
      store.blobs.set(sha256, { sha256, size: 10, storedAt: new Date(NOW) });
    };
    const result = await sweeperOn(store, held([])).sweep();
    expect(result).toMatchObject({ deleted: 0, young: 1 });
    expect(store.blobs.has(id(1))).toBe(true);
  });
});
