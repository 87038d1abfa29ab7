import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { FilesystemBlobStore, type BlobStore, type BlobSweeper } from '@portal/blob-store';
import { S3BlobStore } from '../../../blob-store/src/s3/s3-blob-store';
import { startLocalS3Server, type LocalS3Server } from '../../../blob-store/src/testing/local-s3-server';
import { recordStream } from '@portal/domain';
import { createServiceLogger, type ServiceConfig } from '@portal/platform';
import { silentProjectorLogger } from '@portal/projector';
import { startService, type RunningService } from '../start-service';
import { startBlobSweeper } from './start-blob-sweeper';

// The sweeper as the projector role runs it (startService), on the real read models: an orphan
// older than the grace period goes, a young orphan and a blob an attached file holds stay. Against
// the filesystem store and an S3 server on loopback (s3rver).

jest.setTimeout(60_000);

const GRACE_MS = 2_500;
let dataDir: string;
let s3: LocalS3Server;
let service: RunningService;
const lines: string[] = [];

// One projector-role process (in-memory stores) for both adapters: it runs the filesystem store's
// sweeper itself; the S3 one is started beside it on the same stores, as BLOB_STORE=s3:// would.
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'blob-sweep-'));
  s3 = await startLocalS3Server();
  service = await startService(config(), {
    parts: { projector: true },
    inMemory: true,
    waitForProjector: true,
    projector: { logger: silentProjectorLogger },
    log: createServiceLogger({ destination: { write: (line: string) => lines.push(line) } }),
    blobSweep: { graceMs: GRACE_MS, intervalMs: 3_600_000 },
  });
});
afterAll(async () => {
  await service?.close();
  await s3?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const config = (): ServiceConfig => ({
  port: 0,
  dataDir,
  eventStore: 'embedded',
  readStore: 'embedded',
  redisUrl: undefined,
  smtpUrl: undefined,
  jwtSecret: 'blob sweep spec',
  bootstrapAdmin: undefined,
  publicUrl: 'http://localhost',
});

interface Sweeping {
  store: BlobStore;
  sweeper: BlobSweeper;
  stop(): Promise<void>;
}

const adapters: [string, () => Promise<Sweeping>][] = [
  [
    "filesystem (the role's own sweeper, BLOB_STORE=embedded)",
    async () => ({
      store: await FilesystemBlobStore.open(join(dataDir, 'blobs')),
      sweeper: service.blobSweeper!.sweeper,
      stop: async () => undefined,
    }),
  ],
  [
    's3rver',
    async () => {
      const store = new S3BlobStore({
        bucket: s3.bucket,
        prefix: `sweep-${randomUUID()}`,
        client: s3.client,
      });
      const running = await startBlobSweeper(config(), service.stores, service.log, {
        store,
        graceMs: GRACE_MS,
        intervalMs: 3_600_000,
      });
      return { store, sweeper: running.sweeper, stop: running.stop };
    },
  ],
];

describe.each(adapters)('blob sweeper on %s', (_name, open) => {
  let store: BlobStore;
  let sweeping: Sweeping;

  beforeAll(async () => {
    sweeping = await open();
    store = sweeping.store;
  });
  afterAll(async () => {
    await sweeping?.stop();
    await store?.close();
  });

  const put = (bytes: Buffer) => store.put(Readable.from([bytes]));

  async function attach(sha256: string, size: number): Promise<void> {
    const caseId = randomUUID();
    await service.stores.eventStore.append(
      recordStream('Case', caseId),
      [
        {
          id: randomUUID(),
          type: 'AttachmentAdded',
          data: {
            entityType: 'Case',
            attachmentId: randomUUID(),
            name: 'held.pdf',
            size,
            contentType: 'application/pdf',
            sha256,
            isInternal: false,
            portalUserId: null,
          },
          metadata: {
            actor: { type: 'staff', id: randomUUID() },
            correlationId: randomUUID(),
            causationId: null,
            timestamp: new Date().toISOString(),
          },
        },
      ],
      'no-stream',
    );
  }

  it('deletes an orphan older than the grace period; keeps a young orphan and a referenced blob', async () => {
    const oldOrphan = await put(randomBytes(3_000));
    const heldBytes = randomBytes(2_000);
    const held = await put(heldBytes);
    await attach(held.sha256, held.size);
    await new Promise((resolve) => setTimeout(resolve, GRACE_MS + 1_000));
    const youngOrphan = await put(randomBytes(1_000));

    const result = await sweeping.sweeper.sweep();

    expect(result).toMatchObject({ checked: 3, young: 1, referenced: 1, deleted: 1, bytesDeleted: 3_000 });
    expect(await store.stat(oldOrphan.sha256)).toBeNull();
    expect(await store.stat(youngOrphan.sha256)).not.toBeNull();
    expect(await store.stat(held.sha256)).not.toBeNull();

    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const sweepLine = logged.filter((line) => line.component === 'blob-sweeper').pop();
    expect(sweepLine).toMatchObject({ level: 30, blobSweep: { deleted: 1, checked: 3 } });
    // Counts only: no hash or file name reaches the log.
    const text = lines.join('\n');
    for (const secret of [oldOrphan.sha256, held.sha256, 'held.pdf']) expect(text).not.toContain(secret);
  });
});
