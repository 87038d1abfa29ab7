// The behaviour every blob store adapter must have, written once and run by each adapter's spec.
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { BlobStore } from './blob-store.port';

async function bytesOf(stream: Readable | null): Promise<Buffer> {
  if (!stream) throw new Error('no stream');
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A source that yields some bytes, then fails as a cut-off upload does. */
function failingSource(bytes: Buffer): Readable {
  return new Readable({
    read() {
      this.push(bytes);
      this.destroy(new Error('connection reset'));
    },
  });
}

async function listed(store: BlobStore): Promise<string[]> {
  const ids: string[] = [];
  for await (const blob of store.list()) ids.push(blob.sha256);
  return ids.sort();
}

export function blobStoreContract(name: string, open: () => Promise<BlobStore>): void {
  describe(`blob store contract: ${name}`, () => {
    jest.setTimeout(60_000);
    let store: BlobStore;

    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('stores bytes under their SHA-256 and gives them back whole', async () => {
      const bytes = randomBytes(70_000);
      const blob = await store.put(Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]));
      expect(blob).toEqual({ sha256: sha256(bytes), size: bytes.length });
      expect((await bytesOf(await store.open(blob.sha256))).equals(bytes)).toBe(true);
      const info = await store.stat(blob.sha256);
      expect(info).toMatchObject({ sha256: blob.sha256, size: bytes.length });
      expect(info!.storedAt.getTime()).toBeGreaterThan(Date.now() - 10 * 60_000);
    });

    it('gives back a byte range, both ends included', async () => {
      const bytes = randomBytes(10_000);
      const { sha256: id } = await store.put(Readable.from([bytes]));
      expect(
        (await bytesOf(await store.open(id, { start: 100, end: 199 }))).equals(bytes.subarray(100, 200)),
      ).toBe(true);
      expect(
        (await bytesOf(await store.open(id, { start: 9_999, end: 9_999 }))).equals(bytes.subarray(9_999)),
      ).toBe(true);
    });

    it('stores equal bytes once and lists each blob', async () => {
      const a = randomBytes(100);
      const b = randomBytes(200);
      const first = await store.put(Readable.from([a]));
      const again = await store.put(Readable.from([Buffer.from(a)]));
      const other = await store.put(Readable.from([b]));
      expect(again).toEqual(first);
      const ids = await listed(store);
      expect(ids.filter((id) => id === first.sha256)).toHaveLength(1);
      expect(ids).toContain(other.sha256);
    });

    it('answers null for a blob it does not hold, and refuses ids that are not a SHA-256', async () => {
      const missing = sha256(randomBytes(16));
      expect(await store.open(missing)).toBeNull();
      expect(await store.stat(missing)).toBeNull();
      expect(await store.delete(missing)).toBe(false);
      for (const bad of ['../../etc/passwd', 'ABC', `${missing}/..`, missing.toUpperCase()]) {
        await expect(store.open(bad)).rejects.toThrow(/64 lower-case hex/);
        await expect(store.delete(bad)).rejects.toThrow(/64 lower-case hex/);
      }
    });

    it('deletes a blob: it is gone from open, stat and list', async () => {
      const { sha256: id } = await store.put(Readable.from([randomBytes(500)]));
      expect(await store.delete(id)).toBe(true);
      expect(await store.open(id)).toBeNull();
      expect(await store.stat(id)).toBeNull();
      expect(await listed(store)).not.toContain(id);
      expect(await store.delete(id)).toBe(false);
    });

    it('deletes conditionally: a blob stored since the given time stays, an older one goes', async () => {
      const { sha256: id } = await store.put(Readable.from([randomBytes(400)]));
      expect(await store.deleteIfStoredBefore(id, new Date(Date.now() - 60_000))).toBe(false);
      expect(await store.stat(id)).not.toBeNull();
      expect(await store.deleteIfStoredBefore(id, new Date(Date.now() + 60_000))).toBe(true);
      expect(await store.stat(id)).toBeNull();
      expect(await store.deleteIfStoredBefore(id, new Date(Date.now() + 60_000))).toBe(false);
      // Stored again after a sweep took it: whole again.
      const bytes = randomBytes(500);
      const again = await store.put(Readable.from([bytes]));
      expect(await store.deleteIfStoredBefore(again.sha256, new Date(Date.now() + 60_000))).toBe(true);
      await store.put(Readable.from([bytes]));
      expect((await bytesOf(await store.open(again.sha256))).equals(bytes)).toBe(true);
    });

    it('stores nothing when the source fails mid-stream, and leaves nothing incomplete', async () => {
      const before = await listed(store);
      const bytes = randomBytes(64 * 1024);
      await expect(store.put(failingSource(bytes))).rejects.toThrow();
      expect(await listed(store)).toEqual(before);
      expect(await store.stat(sha256(bytes))).toBeNull();
      expect(await store.removeIncomplete(new Date(Date.now() + 60_000))).toBe(0);
    });

    it('renews the time of bytes stored again (a sweep must not take them before their event)', async () => {
      const bytes = randomBytes(300);
      const { sha256: id } = await store.put(Readable.from([bytes]));
      const first = (await store.stat(id))!.storedAt.getTime();
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      await store.put(Readable.from([bytes]));
      expect((await store.stat(id))!.storedAt.getTime()).toBeGreaterThan(first);
    });

    it('streams a large blob through in both directions', async () => {
      const chunk = randomBytes(1024 * 1024);
      const hash = createHash('sha256');
      let sent = 0;
      const source = Readable.from(
        (function* () {
          for (let i = 0; i < 12; i++) {
            hash.update(chunk);
            sent += chunk.length;
            yield chunk;
          }
        })(),
      );
      const blob = await store.put(source);
      expect(blob).toEqual({ sha256: hash.digest('hex'), size: sent });
      const back = createHash('sha256');
      let received = 0;
      for await (const part of (await store.open(blob.sha256))!) {
        back.update(part as Buffer);
        received += (part as Buffer).length;
      }
      expect(received).toBe(sent);
      expect(back.digest('hex')).toBe(blob.sha256);
    });
  });
}
