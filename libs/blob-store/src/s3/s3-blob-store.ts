import { randomUUID } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  NotFound,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import {
  assertBlobId,
  type BlobInfo,
  type BlobStore,
  type ByteRange,
  type StoredBlob,
} from '../blob-store.port';
import { HashingStream } from '../hashing-stream';

export interface S3BlobStoreOptions {
  bucket: string;
  /** Key prefix inside the bucket (from `s3://bucket/prefix`), without a trailing slash. */
  prefix?: string;
  client: S3ClientConfig;
}

const PART_SIZE = 8 * 1024 * 1024;

function isNotFound(error: unknown): boolean {
  if (error instanceof NotFound || error instanceof NoSuchKey) return true;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return status === 404;
}

/**
 * Blobs as objects `<prefix>/blobs/<sha256>` in one bucket. The hash is known only once the bytes
 * went through, so a put streams them to `<prefix>/tmp/<uuid>` (multipart upload for large ones,
 * parts of 8 MiB, at most two in memory) and then copies that object to its content address on the
 * server side; an interrupted upload is aborted and its temporary object deleted.
 */
export class S3BlobStore implements BlobStore {
  readonly kind = 's3';
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(options: S3BlobStoreOptions) {
    this.client = new S3Client({
      // S3-compatible servers (MinIO, s3rver) do not all speak the SDK's default trailing checksums.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...options.client,
    });
    this.bucket = options.bucket;
    this.prefix = options.prefix ? `${options.prefix.replace(/\/+$/, '')}/` : '';
  }

  private keyOf(sha256: string): string {
    assertBlobId(sha256);
    return `${this.prefix}blobs/${sha256}`;
  }

  private get tempPrefix(): string {
    return `${this.prefix}tmp/`;
  }

  async put(source: Readable): Promise<StoredBlob> {
    const temp = `${this.tempPrefix}${randomUUID()}`;
    const hashing = new HashingStream();
    const body = new PassThrough();
    // pipeline rejects on an error or an early close of the source, and destroys `body`, which
    // makes the upload abort too.
    const piping = pipeline(source, hashing, body);
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: temp, Body: body },
      partSize: PART_SIZE,
      queueSize: 2,
      leavePartsOnError: false,
    });
    try {
      const [piped, uploaded] = await Promise.allSettled([piping, upload.done()]);
      if (piped.status === 'rejected') throw piped.reason;
      if (uploaded.status === 'rejected') throw uploaded.reason;
    } catch (error) {
      await this.deleteKey(temp).catch(() => undefined);
      throw error;
    }
    const blob = hashing.digest();
    try {
      // Copying also renews LastModified of bytes already stored (the sweeper's grace period).
      await this.client.send(
        new CopyObjectCommand({
          Bucket: this.bucket,
          Key: this.keyOf(blob.sha256),
          CopySource: `${this.bucket}/${encodeURI(temp)}`,
          MetadataDirective: 'REPLACE',
        }),
      );
    } finally {
      await this.deleteKey(temp).catch(() => undefined);
    }
    return blob;
  }

  async open(sha256: string, range?: ByteRange): Promise<Readable | null> {
    try {
      const answer = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: this.keyOf(sha256),
          Range: range ? `bytes=${range.start}-${range.end}` : undefined,
        }),
      );
      return answer.Body as Readable;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async stat(sha256: string): Promise<BlobInfo | null> {
    try {
      const head = await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }),
      );
      return { sha256, size: head.ContentLength ?? 0, storedAt: head.LastModified ?? new Date(0) };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async delete(sha256: string): Promise<boolean> {
    const key = this.keyOf(sha256);
    if (!(await this.stat(sha256))) return false;
    await this.deleteKey(key);
    return true;
  }

  /**
   * HEAD, then DELETE: S3-compatible servers have no conditional delete, so a put of the same bytes
   * landing between the two (one round trip) is lost; the grace period makes that a put whose
   * bytes were stored over a grace period before, unseen by any event, renewed at that instant.
   */
  async deleteIfStoredBefore(sha256: string, before: Date): Promise<boolean> {
    const info = await this.stat(sha256);
    if (!info || info.storedAt >= before) return false;
    await this.deleteKey(this.keyOf(sha256));
    return true;
  }

  private async deleteKey(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  private async *objects(prefix: string): AsyncIterable<{ key: string; size: number; at: Date }> {
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const item of page.Contents ?? []) {
        if (item.Key) yield { key: item.Key, size: item.Size ?? 0, at: item.LastModified ?? new Date(0) };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async *list(): AsyncIterable<BlobInfo> {
    const prefix = `${this.prefix}blobs/`;
    for await (const item of this.objects(prefix)) {
      const sha256 = item.key.slice(prefix.length);
      if (/^[0-9a-f]{64}$/.test(sha256)) yield { sha256, size: item.size, storedAt: item.at };
    }
  }

  async removeIncomplete(before: Date): Promise<number> {
    let removed = 0;
    for await (const item of this.objects(this.tempPrefix)) {
      if (item.at >= before) continue;
      await this.deleteKey(item.key);
      removed++;
    }
    return removed;
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}
