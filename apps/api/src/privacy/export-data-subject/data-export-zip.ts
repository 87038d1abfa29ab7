import { Readable } from 'node:stream';
import type { BlobStore } from '@portal/blob-store';
import { ZipFile } from 'yazl';

/** A file of the subject's to put in the zip: where, and which blob. */
export interface ZippedFile {
  zipPath: string;
  sha256: string;
}

/**
 * The export as a zip, streamed: `data.json` (the same document as the JSON answer), then each file
 * they uploaded under its `zipPath`. Each blob is opened only when the zip reaches it; a blob already
 * gone (erased, swept) is left out rather than failing the whole download.
 */
export function dataExportZip(
  json: AsyncIterable<string>,
  files: AsyncIterable<ZippedFile>,
  blobs: BlobStore,
): Readable {
  const zip = new ZipFile();
  const output = zip.outputStream as Readable;
  // yazl neither listens to its entries' streams nor has an 'error' listener of its own: a read store
  // or blob failure mid-export would be an uncaught exception (the process down), not a failed download.
  const fail = (error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error)));
  zip.on('error', fail);
  const entry = (stream: Readable) => stream.on('error', fail);
  zip.addReadStreamLazy('data.json', (cb) => cb(null, entry(Readable.from(json))));
  void (async () => {
    for await (const file of files) {
      if (!(await blobs.stat(file.sha256))) continue;
      zip.addReadStreamLazy(file.zipPath, (cb) => {
        blobs.open(file.sha256).then(
          (opened) => cb(null, entry(opened ?? Readable.from([]))),
          (error: unknown) => cb(error, Readable.from([])),
        );
      });
    }
    zip.end();
  })().catch(fail);
  return output;
}
