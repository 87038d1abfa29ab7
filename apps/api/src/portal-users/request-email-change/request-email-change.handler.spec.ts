import { SYSTEM_ACTOR, type DomainEvent } from '@portal/domain';
import { WrongExpectedRevision, type EventStore, type NewEvent } from '@portal/event-store';
import type { OneTimeTokenEntry, OneTimeTokens } from '../../auth/one-time-tokens/one-time-tokens';
import type { CurrentPassword } from '../../auth/passwords/current-password';
import { CONFLICT_ATTEMPTS, CommandContext, StreamCommands } from '@portal/commands';
import type { UniqueValues } from '../../shared-streams/unique-values';
import { EmailChangeIssuer } from '../email-change-issuer';
import type { PortalUserSessions } from '../portal-user-sessions';
import type { StaffEmailDomains } from '../staff-email-domains';
import { RequestEmailChangeCommand } from './request-email-change.command';
import { RequestEmailChangeHandler } from './request-email-change.handler';

const USER = '6f1c2a52-7d1e-4b8e-9a57-3f0d8c1e2b44';
const STREAM = `portalUser-${USER}`;
const PORTAL = 'a3b1c2d4-0000-4000-8000-000000000001';

const created: DomainEvent = {
  type: 'PortalUserCreated',
  data: {
    portalUserId: USER,
    email: 'ada@customer.test',
    firstName: 'Ada',
    lastName: 'Lovelace',
    contactId: null,
    accountIds: [],
    portalIds: [PORTAL],
    roleIds: [],
  },
};
const passwordSet: DomainEvent = { type: 'PortalUserPasswordSet', data: { reason: 'invitation' } };
const pendingChange = (newEmail: string): DomainEvent => ({
  type: 'EmailChangeRequested',
  data: { newEmail, tokenHash: 'h', expiresAt: '2999-01-01T00:00:00.000Z' },
});
const pending = pendingChange('earlier@customer.test');

/**
 * The handler over an in-memory user stream: appends to it fail as `failures` says (a conflict
 * appends the competing write first); everything it does elsewhere is recorded in `log`.
 */
function harness(history: DomainEvent[], failures: ('conflict' | 'error')[] = [], holdsAlready = false) {
  const stream = history.map((e, revision) => ({ ...e, id: `e${revision}`, stream: STREAM, revision }));
  const log: string[] = [];
  const stored: NewEvent[] = [];
  const store = {
    readStream: async () => [...stream],
    append: async (name: string, events: NewEvent[], expected: number) => {
      const failure = failures.shift();
      if (failure === 'error') throw new Error('store down');
      if (failure === 'conflict') {
        stream.push({
          type: 'PortalUserLoggedIn',
          data: {},
          id: 'x',
          stream: STREAM,
          revision: stream.length,
        });
        throw new WrongExpectedRevision(name, expected, stream.length - 1);
      }
      for (const e of events) stream.push({ ...e, stream: STREAM, revision: stream.length });
      stored.push(...events);
      log.push(`append ${events.map((e) => e.type).join(',')}`);
      return { nextExpectedRevision: stream.length - 1, position: 100 + stream.length };
    },
  } as unknown as EventStore;
  const remembered: OneTimeTokenEntry[] = [];
  const tokens = {
    tokenHashFor: (purpose: string, tokenId: string) => `hash(${purpose}:${tokenId})`,
    remember: async (entry: OneTimeTokenEntry) => {
      remembered.push(entry);
      log.push(`remember ${entry.tokenId}`);
    },
  } as unknown as OneTimeTokens;
  const uniques = {
    reserve: async (_kind: string, value: string) => {
      log.push(`reserve ${value}`);
      return !holdsAlready;
    },
    release: async (_kind: string, value: string) => void log.push(`release ${value}`),
  } as unknown as UniqueValues;
  const handler = new RequestEmailChangeHandler(
    new StreamCommands(store),
    { current: async () => [] } as unknown as StaffEmailDomains,
    { confirm: async () => void log.push('password checked') } as unknown as CurrentPassword,
    new EmailChangeIssuer(tokens),
    uniques,
    { endAll: async () => void log.push('sessions ended') } as unknown as PortalUserSessions,
  );
  const run = (requester: RequestEmailChangeCommand['requester'] = { kind: 'staff' }) =>
    handler.execute(
      new RequestEmailChangeCommand(USER, 'New@Customer.test', requester, new CommandContext(SYSTEM_ACTOR)),
    );
  return { run, log, stored, remembered };
}

describe('RequestEmailChangeHandler', () => {
  it('remembers the token under the id the EmailChangeRequested event is then stored with', async () => {
    const h = harness([created, passwordSet]);
    const outcome = await h.run({ kind: 'self', portalId: PORTAL, password: 'secret' });
    expect(outcome).toEqual({
      status: 'confirmation_sent',
      newEmail: 'new@customer.test',
      expiresAt: expect.any(String),
    });
    const [event] = h.stored;
    expect(h.remembered).toEqual([
      {
        id: event.data.tokenHash,
        purpose: 'email-change',
        tokenId: event.id,
        portalUserId: USER,
        portalId: PORTAL,
      },
    ]);
    expect(event.data.tokenHash).toBe(`hash(email-change:${event.id})`);
    expect(h.log).toEqual([
      'password checked',
      'reserve new@customer.test',
      `remember ${event.id}`,
      'append EmailChangeRequested',
      'sessions ended',
    ]);
  });

  it("points an admin's link at the user's first portal and releases a superseded pending address", async () => {
    const h = harness([created, passwordSet, pending]);
    await h.run();
    expect(h.remembered[0].portalId).toBe(PORTAL);
    expect(h.log).toContain('release earlier@customer.test');
    expect(h.log).not.toContain('password checked');
  });

  it('decides again after a concurrent write, with the id the retried append really gets', async () => {
    const h = harness([created, passwordSet], ['conflict']);
    await h.run();
    const [event] = h.stored;
    expect(h.remembered.map((r) => r.tokenId)).toEqual([expect.any(String), event.id]);
    expect(h.remembered[0].tokenId).not.toBe(event.id);
    expect(event.data.tokenHash).toBe(`hash(email-change:${event.id})`);
  });

  it('gives back the address it took when the append fails, and ends no session', async () => {
    const h = harness([created, passwordSet], ['error']);
    await expect(h.run()).rejects.toThrow('store down');
    expect(h.log).toEqual([
      'reserve new@customer.test',
      expect.stringMatching(/^remember /),
      'release new@customer.test',
    ]);
  });

  it('keeps an address the user already held (the pending one asked again) when the append fails', async () => {
    const askedBefore = pendingChange('new@customer.test');
    // Every attempt the conflict policy allows meets a concurrent write.
    const conflicts = Array.from({ length: CONFLICT_ATTEMPTS }, () => 'conflict' as const);
    const h = harness([created, passwordSet, askedBefore], conflicts, true);
    await expect(h.run()).rejects.toBeInstanceOf(WrongExpectedRevision);
    expect(h.log.filter((l) => l.startsWith('release'))).toEqual([]);
  });

  it('changes a user without a password at once and releases the old address', async () => {
    const h = harness([created]);
    expect(await h.run()).toEqual({ status: 'changed', email: 'new@customer.test' });
    expect(h.remembered).toEqual([]);
    expect(h.log).toEqual([
      'reserve new@customer.test',
      'append EmailChangeConfirmed',
      'release ada@customer.test',
    ]);
  });
});
