import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3ClientConfig } from '@aws-sdk/client-s3';

export interface LocalS3Server {
  bucket: string;
  /** The client settings that reach it (loopback endpoint, path-style, s3rver's fixed keys). */
  client: S3ClientConfig;
  /** The same as environment variables, for a service started with BLOB_STORE=s3://bucket. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * An S3-speaking server on loopback for the tests: s3rver (the npm package, files in a temporary
 * directory), on a port of the system's choosing, with one bucket.
 */
export async function startLocalS3Server(bucket = 'portal-blobs'): Promise<LocalS3Server> {
  const { default: S3rver } = await import('s3rver');
  const directory = await mkdtemp(join(tmpdir(), 's3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  // s3rver's documented fixed credentials.
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  return {
    bucket,
    client: { endpoint, region: 'us-east-1', forcePathStyle: true, credentials },
    env: {
      AWS_ENDPOINT_URL_S3: endpoint,
      AWS_REGION: 'us-east-1',
      AWS_S3_FORCE_PATH_STYLE: 'true',
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    },
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
