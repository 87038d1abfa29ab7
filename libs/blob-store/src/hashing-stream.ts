import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { StoredBlob } from './blob-store.port';

/** Passes bytes through unchanged while computing their SHA-256 and counting them. */
export class HashingStream extends Transform {
  private readonly hash = createHash('sha256');
  private size = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    callback(null, chunk);
  }

  /** Only once the stream has ended. */
  digest(): StoredBlob {
    return { sha256: this.hash.digest('hex'), size: this.size };
  }
}
