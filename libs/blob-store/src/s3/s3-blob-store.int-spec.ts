import { randomBytes } from 'node:crypto';
import { blobStoreContract } from '../blob-store.contract';
import { startLocalS3Server, type LocalS3Server } from '../testing/local-s3-server';
import { S3BlobStore } from './s3-blob-store';

// A local S3-speaking server (s3rver) on loopback, started here: always runs, no network needed.
// S3_TEST_ENDPOINT (with AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY and S3_TEST_BUCKET) runs the same
// suite against another server as well, e.g. the compose file's MinIO.
let server: LocalS3Server | undefined;
const prefix = `contract-${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  server = await startLocalS3Server();
});
afterAll(async () => {
  await server?.close();
});

blobStoreContract(
  'S3 on s3rver (loopback)',
  async () => new S3BlobStore({ bucket: server!.bucket, prefix, client: server!.client }),
);

const minio = process.env.S3_TEST_ENDPOINT;
if (minio) {
  blobStoreContract(
    `S3 on ${minio}`,
    async () =>
      new S3BlobStore({
        bucket: process.env.S3_TEST_BUCKET ?? 'portal-blobs',
        prefix,
        client: { endpoint: minio, region: process.env.AWS_REGION ?? 'us-east-1', forcePathStyle: true },
      }),
  );
}
