import { join } from 'node:path';
import type { BlobStore } from './blob-store.port';
import { FilesystemBlobStore } from './filesystem/filesystem-blob-store';

/**
 * BLOB_STORE: `embedded` (files under DATA_DIR/blobs) or `s3://bucket[/prefix]`, the endpoint,
 * region and credentials from the AWS SDK's usual environment (AWS_ENDPOINT_URL_S3 or
 * AWS_ENDPOINT_URL, AWS_REGION, AWS_ACCESS_KEY_ID…); AWS_S3_FORCE_PATH_STYLE=true for servers
 * without virtual-host buckets (MinIO). The S3 SDK is loaded only when asked for.
 */
export async function openBlobStore(
  setting: string,
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<BlobStore> {
  if (setting === 'embedded') return FilesystemBlobStore.open(join(dataDir, 'blobs'));
  const match = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(setting);
  if (!match) throw new Error(`BLOB_STORE must be 'embedded' or s3://bucket[/prefix]`);
  const { S3BlobStore } = await import('./s3/s3-blob-store');
  return new S3BlobStore({
    bucket: match[1]!,
    prefix: match[2],
    client: {
      region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
      endpoint: env.AWS_ENDPOINT_URL_S3 ?? env.AWS_ENDPOINT_URL,
      forcePathStyle: env.AWS_S3_FORCE_PATH_STYLE === 'true',
    },
  });
}
