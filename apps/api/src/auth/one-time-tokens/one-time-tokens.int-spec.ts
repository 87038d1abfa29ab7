import { randomUUID } from 'node:crypto';
import { openEventStore, type EventStore, type NewEvent } from '@portal/event-store';
import {
  deriveKey,
  dropSchema,
  hashToken,
  loadServiceConfig,
  oneTimeToken,
  type OneTimeTokenPurpose,
} from '@portal/platform';
import { openReadStore, type ReadStore } from '@portal/read-store';
import { OneTimeTokenBackfill } from './one-time-token-backfill';
import { ONE_TIME_TOKENS_COLLECTION, OneTimeTokens } from './one-time-tokens';

// jest ignores a project's testTimeout: seeding a log takes its time on a loaded machine.
jest.setTimeout(120_000);

const JWT_SECRET = 'one-time token lookup secret';
const key = deriveKey(JWT_SECRET, 'one-time-tokens');

/** Wraps a store so every method call is counted by name (reads and writes alike). */
function counted<T extends object>(store: T): { store: T; calls: Map<string, number>; total: () => number } {
  const calls = new Map<string, number>();
  const proxy = new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      return (...args: unknown[]) => {
        calls.set(property, (calls.get(property) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: proxy, calls, total: () => [...calls.values()].reduce((a, b) => a + b, 0) };
}

const metadata = {
  actor: { type: 'staff' as const, id: 'admin-1' },
  correlationId: 'c',
  causationId: null,
  timestamp: '2026-01-02T03:04:05.000Z',
};

/** A token event as the portal-user decider writes it (only the fields the lookup uses matter here). */
function tokenEvent(type: string, data: Record<string, unknown>): NewEvent {
  return { id: randomUUID(), type, data, metadata };
}

interface Stores {
  events: EventStore;
  reads: ReadStore;
}

function lookupSuite(name: string, open: () => Promise<Stores>): void {
  describe(`one-time token lookup on ${name}`, () => {
    let stores: Stores;
    const invitation = (id: string): string => oneTimeToken(key, 'invitation', id);
    const config = loadServiceConfig({ JWT_SECRET, DATA_DIR: '/tmp/one-time-tokens-spec' });

    beforeAll(async () => {
      stores = await open();
      await new OneTimeTokens(config, stores.reads).ensureCollection();
      // A log of 1,200 invitations to 120 users: the lookup used to search these for an unknown token.
      for (let user = 0; user < 120; user++) {
        const events = Array.from({ length: 10 }, () => {
          const invitationId = randomUUID();
          return tokenEvent('InvitationSent', {
            invitationId,
            portalId: 'p1',
            tokenHash: hashToken(invitation(invitationId)),
          });
        });
        await stores.events.append(`portalUser-u${user}`, events, 'no-stream');
      }
    });

    afterAll(async () => {
      await stores?.events.close();
      await stores?.reads.close();
    });

    it('answers an unknown token with one read of the index, none of the log', async () => {
      const events = counted(stores.events);
      const reads = counted(stores.reads);
      const tokens = new OneTimeTokens(config, reads.store);

      expect(await tokens.find('invitation', 'not-a-token-anyone-was-sent')).toBeNull();
      expect(await tokens.find('password-reset', invitation(randomUUID()))).toBeNull();

      expect(reads.calls).toEqual(new Map([['get', 2]]));
      expect(events.total()).toBe(0);
    });

    it('finds a token its issuer indexed (as every issuer did before this lookup too) with one read', async () => {
      const invitationId = randomUUID();
      const entry = {
        id: hashToken(invitation(invitationId)),
        purpose: 'invitation' as OneTimeTokenPurpose,
        tokenId: invitationId,
        portalUserId: 'known',
        portalId: 'p1',
      };
      await new OneTimeTokens(config, stores.reads).remember(entry);
      await stores.events.append(
        'portalUser-known',
        [tokenEvent('InvitationSent', { invitationId, portalId: 'p1', tokenHash: entry.id })],
        'no-stream',
      );
      const reads = counted(stores.reads);
      const tokens = new OneTimeTokens(config, reads.store);

      expect(await tokens.find('invitation', invitation(invitationId))).toEqual(entry);
      // The same token presented for another purpose is no token at all.
      expect(await tokens.find('email-change', invitation(invitationId))).toBeNull();
      expect(reads.calls).toEqual(new Map([['get', 2]]));
    });

    it('indexes the token events of the log once at start-up, then finds them with one read', async () => {
      const resetId = randomUUID();
      const reset = oneTimeToken(key, 'password-reset', resetId);
      const change = tokenEvent('EmailChangeRequested', { newEmail: 'x@example.com', tokenHash: '' });
      const changeToken = oneTimeToken(key, 'email-change', change.id);
      change.data.tokenHash = hashToken(changeToken);
      // Tokens of a log kept when the read store was replaced: in the log, not in this index.
      await stores.events.append(
        'portalUser-logonly',
        [
          tokenEvent('PasswordResetRequested', { resetId, portalId: 'p2', tokenHash: hashToken(reset) }),
          change,
        ],
        'no-stream',
      );
      const tokens = new OneTimeTokens(config, stores.reads);
      expect(await tokens.find('password-reset', reset)).toBeNull();

      await new OneTimeTokenBackfill(stores.reads, stores.events).run();

      const reads = counted(stores.reads);
      const counting = new OneTimeTokens(config, reads.store);
      expect(await counting.find('password-reset', reset)).toEqual({
        id: hashToken(reset),
        purpose: 'password-reset',
        tokenId: resetId,
        portalUserId: 'logonly',
        portalId: 'p2',
      });
      expect(await counting.find('email-change', changeToken)).toMatchObject({
        tokenId: change.id,
        portalUserId: 'logonly',
      });
      expect(reads.calls).toEqual(new Map([['get', 2]]));
      const seeded = await stores.reads.find(ONE_TIME_TOKENS_COLLECTION, { limit: 1 });
      expect(seeded.total).toBe(1_203);

      // A second start reads no log: the backfill's checkpoint is at the head.
      const events = counted(stores.events);
      await new OneTimeTokenBackfill(stores.reads, events.store).run();
      expect(events.calls).toEqual(new Map([['headPosition', 1]]));
    });

    it('leaves an entry its issuer indexed as it was', async () => {
      const invitationId = randomUUID();
      const hash = hashToken(invitation(invitationId));
      const entry = {
        id: hash,
        purpose: 'invitation' as OneTimeTokenPurpose,
        tokenId: invitationId,
        portalUserId: 'issuer',
        portalId: 'p-issuer',
      };
      await new OneTimeTokens(config, stores.reads).remember(entry);
      await stores.events.append(
        'portalUser-issuer',
        [tokenEvent('InvitationSent', { invitationId, portalId: 'p-other', tokenHash: hash })],
        'no-stream',
      );

      await new OneTimeTokenBackfill(stores.reads, stores.events).run();

      expect(
        await new OneTimeTokens(config, stores.reads).find('invitation', invitation(invitationId)),
      ).toEqual(entry);
    });
  });
}

lookupSuite('the embedded store (PGlite)', async () => ({
  events: await openEventStore('embedded'),
  reads: await openReadStore('embedded'),
}));

const pgUrl = process.env.PG_URL;
if (pgUrl) {
  const schema = `ott_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  afterAll(() => dropSchema(pgUrl, schema));
  lookupSuite('PostgreSQL', async () => ({
    events: await openEventStore(pgUrl, { schema }),
    reads: await openReadStore(pgUrl, { schema }),
  }));
} else {
  console.warn('one-time token lookup on PostgreSQL skipped: PG_URL is not set');
  describe.skip('one-time token lookup on PostgreSQL (skipped: PG_URL not set)', () => {
    it('counts the reads of a lookup', () => undefined);
  });
}
