import type { Readable } from 'node:stream';

/** A blob as stored: named by the SHA-256 of its bytes (lower-case hex), so equal files are stored once. */
export interface StoredBlob {
  sha256: string;
  size: number;
}

export interface BlobInfo extends StoredBlob {
  /** When the bytes were last written (a repeated put of the same bytes renews it). */
  storedAt: Date;
}

/** Inclusive byte positions, as in an HTTP Range header. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Content-addressed storage for uploaded files. Bytes stream through (never held whole in memory);
 * a put whose source fails leaves nothing behind. Deciding whether a blob is still referenced is
 * the caller's business (the sweeper's), not the store's.
 */
export interface BlobStore {
  /** 'filesystem' or 's3': shown in health and logs. */
  readonly kind: string;
  /**
   * Streams `source` in, hashing as it goes. Rejects (storing nothing) when the source errors or is
   * destroyed. Storing bytes already present renews their `storedAt` (the sweeper's grace period).
   */
  put(source: Readable): Promise<StoredBlob>;
  /** The bytes (or a range of them), or null when no such blob is stored. */
  open(sha256: string, range?: ByteRange): Promise<Readable | null>;
  stat(sha256: string): Promise<BlobInfo | null>;
  /** Removes the blob; false when it was not there. */
  delete(sha256: string): Promise<boolean>;
  /**
   * Removes the blob only if it was stored before `before` (the sweeper's delete): a put of the
   * same bytes renewing it meanwhile keeps it. False when it was not there or is younger.
   */
  deleteIfStoredBefore(sha256: string, before: Date): Promise<boolean>;
  /** Every stored blob, in no particular order. */
  list(): AsyncIterable<BlobInfo>;
  /** Removes what interrupted puts left (temporary files, unfinished uploads) started before `before`. */
  removeIncomplete(before: Date): Promise<number>;
  close(): Promise<void>;
}

export class InvalidBlobIdError extends Error {
  override readonly name = 'InvalidBlobIdError';
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A blob id becomes a path or key: anything but 64 hex digits is refused before it gets there. */
export function assertBlobId(sha256: string): void {
  if (!SHA256_HEX.test(sha256)) throw new InvalidBlobIdError('A blob id is 64 lower-case hex digits');
}
