import { openTestStores, testStoreKinds, type TestStores } from '../../projector/src/testing/test-stores';
import type { TokenEmailRequest } from './email-request';
import type { PendingEmail } from './pending-emails.port';
import { ReadStoreCheckpointStore } from './read-store-checkpoint-store';

jest.setTimeout(60_000);

function pendingEmail(n: number): PendingEmail {
  const request: TokenEmailRequest = {
    kind: 'invitation',
    sourceEventId: `00000000-0000-4000-8000-00000000000${n}`,
    sourceStream: `portalUser-${n}`,
    sourcePosition: n,
    correlationId: `c-${n}`,
    portalUserId: `u-${n}`,
    portalId: 'p-1',
    tokenId: `t-${n}`,
    tokenHash: `h-${n}`,
    expiresAt: '2030-01-01T00:00:00.000Z',
    to: undefined,
  };
  return {
    jobId: `invitation-${request.sourceEventId}`,
    request,
    enqueuedAt: new Date(Date.UTC(2026, 0, n)).toISOString(),
  };
}

describe.each(testStoreKinds())('ReadStoreCheckpointStore on %s', (kind) => {
  let stores: TestStores;

  beforeAll(async () => {
    stores = await openTestStores(kind);
  });

  afterAll(async () => {
    await stores?.dispose();
  });

  it('saves the checkpoint and the enqueued jobs together, lists them oldest first and settles them', async () => {
    const ledger = new ReadStoreCheckpointStore(stores.readStore, 'ledger-a');
    expect(await ledger.load()).toBeUndefined();
    await ledger.save(7, [pendingEmail(3), pendingEmail(1)]);
    await ledger.save(9, [pendingEmail(2)]);
    expect(await ledger.load()).toBe(9);
    expect((await ledger.list(10)).map((p) => p.jobId)).toEqual([1, 2, 3].map((n) => pendingEmail(n).jobId));
    expect((await ledger.list(10))[0]).toEqual(pendingEmail(1));
    expect(await ledger.list(2)).toHaveLength(2);
    expect(await ledger.summary()).toEqual({
      count: 3,
      oldestEnqueuedAt: pendingEmail(1).enqueuedAt,
      scheduled: 0,
    });

    await ledger.settle([pendingEmail(1).jobId, pendingEmail(3).jobId, 'unknown-job']);
    expect((await ledger.list(10)).map((p) => p.jobId)).toEqual([pendingEmail(2).jobId]);
    await ledger.settle([pendingEmail(2).jobId]);
    expect(await ledger.summary()).toEqual({ count: 0, oldestEnqueuedAt: null, scheduled: 0 });
  });

  it('never moves the checkpoint backwards, yet keeps the jobs of a replayed event', async () => {
    const ledger = new ReadStoreCheckpointStore(stores.readStore, 'ledger-b');
    await ledger.save(20);
    await ledger.save(15, [pendingEmail(4)]);
    expect(await ledger.load()).toBe(20);
    expect((await ledger.list(10)).map((p) => p.jobId)).toEqual([pendingEmail(4).jobId]);
  });

  it('keeps the lists of two checkpoints apart', async () => {
    const one = new ReadStoreCheckpointStore(stores.readStore, 'ledger-c');
    const two = new ReadStoreCheckpointStore(stores.readStore, 'ledger-d');
    await one.save(1, [pendingEmail(5)]);
    await two.save(1, [pendingEmail(5), pendingEmail(6)]);
    await one.settle([pendingEmail(5).jobId]);
    expect(await one.list(10)).toEqual([]);
    expect((await two.list(10)).map((p) => p.jobId)).toEqual([5, 6].map((n) => pendingEmail(n).jobId));
  });
});
