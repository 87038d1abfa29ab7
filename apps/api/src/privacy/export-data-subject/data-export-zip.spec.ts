import { Readable } from 'node:stream';
import type { BlobStore } from '@portal/blob-store';
import { dataExportZip, type ZippedFile } from './data-export-zip';

async function drain(stream: Readable): Promise<number> {
  let bytes = 0;
  for await (const chunk of stream) bytes += (chunk as Buffer).length;
  return bytes;
}

async function* listOf<T>(...items: T[]): AsyncGenerator<T> {
  yield* items;
}

function blobStore(open: () => Readable): BlobStore {
  return {
    stat: () => Promise.resolve({ size: 3 }),
    open: () => Promise.resolve(open()),
  } as unknown as BlobStore;
}

describe('dataExportZip', () => {
  it('streams data.json and the files as one zip', async () => {
    const zip = dataExportZip(
      listOf('{', '}'),
      listOf<ZippedFile>({ zipPath: 'files/a/a.txt', sha256: 'a'.repeat(64) }),
      blobStore(() => Readable.from([Buffer.from('abc')])),
    );
    expect(await drain(zip)).toBeGreaterThan(0);
  });

  it('fails the download, not the process, when the document cannot be read to its end', async () => {
    async function* broken(): AsyncGenerator<string> {
      yield '{';
      throw new Error('read store gone');
    }
    const zip = dataExportZip(
      broken(),
      listOf<ZippedFile>(),
      blobStore(() => Readable.from([])),
    );
    await expect(drain(zip)).rejects.toThrow('read store gone');
  });

  it('fails the download, not the process, when a file cannot be read', async () => {
    const zip = dataExportZip(
      listOf('{}'),
      listOf<ZippedFile>({ zipPath: 'files/a/a.txt', sha256: 'a'.repeat(64) }),
      blobStore(
        () =>
          new Readable({
            read() {
              this.destroy(new Error('disk gone'));
            },
          }),
      ),
    );
    await expect(drain(zip)).rejects.toThrow('disk gone');
  });
});
