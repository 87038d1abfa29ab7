import { randomUUID } from 'node:crypto';
import { evolvePortalUser, initialPortalUserState, portalUserStream, type DomainEvent } from '@portal/domain';
import type { OneTimeTokenEntry, OneTimeTokens } from '../../auth/one-time-tokens/one-time-tokens';
import { EmbeddedWritePath } from '../../shared-streams/testing/embedded-write-path';
import { EmailChangeIssuer } from '../email-change-issuer';
import { requestEmailChange, type RequestEmailChangePorts } from './request-email-change.workflow';

jest.setTimeout(60_000);

const PORTAL = 'a3b1c2d4-0000-4000-8000-000000000001';

describe('requestEmailChange (workflow over the embedded store)', () => {
  let path: EmbeddedWritePath;
  beforeAll(async () => {
    path = await EmbeddedWritePath.open();
  });
  afterAll(() => path.close());

  const unique = () => randomUUID().slice(0, 8);
  const owner = (address: string) => path.uniques.ownerOf('portalUserEmail', address);

  /** Given: a portal user holding `email`, with a password unless said otherwise, and these events after. */
  async function givenUser(email: string, options: { password?: boolean; then?: DomainEvent[] } = {}) {
    const id = randomUUID();
    const history: DomainEvent[] = [
      {
        type: 'PortalUserCreated',
        data: {
          portalUserId: id,
          email,
          firstName: 'Ada',
          lastName: 'Lovelace',
          contactId: null,
          accountIds: [],
          portalIds: [PORTAL],
          roleIds: [],
        },
      },
      ...(options.password === false
        ? []
        : [{ type: 'PortalUserPasswordSet', data: { reason: 'invitation' } }]),
      ...(options.then ?? []),
    ];
    await path.uniques.reserve('portalUserEmail', email, id, path.ctx());
    await path.commands.handle(
      {
        stream: portalUserStream(id),
        evolve: evolvePortalUser,
        initialState: initialPortalUserState,
        expected: 'no-stream',
        decide: () => history,
      },
      path.ctx(),
    );
    return id;
  }

  function ports(options: { tokenStoreDown?: boolean } = {}) {
    const remembered: OneTimeTokenEntry[] = [];
    const ended: string[] = [];
    const tokens = {
      tokenHashFor: (purpose: string, tokenId: string) => `hash(${purpose}:${tokenId})`,
      remember: async (entry: OneTimeTokenEntry) => {
        if (options.tokenStoreDown) throw new Error('token store down');
        remembered.push(entry);
      },
    } as unknown as OneTimeTokens;
    const value: RequestEmailChangePorts = {
      commands: path.commands,
      uniques: path.uniques,
      staffEmailDomains: async () => [],
      currentPassword: { confirm: async () => undefined },
      changes: new EmailChangeIssuer(tokens),
      sessions: { endAll: async (id: string) => void ended.push(id) },
    };
    return { value, remembered, ended };
  }

  it('given a user with a password, when a change is asked, then the new address is held, the link indexed and the sessions ended', async () => {
    const [old, next] = [`old-${unique()}@customer.test`, `new-${unique()}@customer.test`];
    const id = await givenUser(old);
    const p = ports();
    const outcome = await requestEmailChange(
      p.value,
      { portalUserId: id, newEmail: next, requester: { kind: 'staff' } },
      path.ctx(),
    );
    expect(outcome).toMatchObject({ status: 'confirmation_sent', newEmail: next });
    const events = await path.store.readStream(portalUserStream(id));
    expect(events.at(-1)?.type).toBe('EmailChangeRequested');
    expect(p.remembered).toEqual([expect.objectContaining({ tokenId: events.at(-1)?.id, portalId: PORTAL })]);
    expect(await owner(next)).toBe(id);
    expect(await owner(old)).toBe(id); // until the new address is confirmed
    expect(p.ended).toEqual([id]);
  });

  it('given the new address belongs to someone else, then 409 email_taken and nothing is written', async () => {
    const [old, taken] = [`old-${unique()}@customer.test`, `taken-${unique()}@customer.test`];
    const other = await givenUser(taken);
    const id = await givenUser(old);
    const p = ports();
    const refused = requestEmailChange(
      p.value,
      { portalUserId: id, newEmail: taken, requester: { kind: 'staff' } },
      path.ctx(),
    );
    await expect(refused).rejects.toMatchObject({ code: 'email_taken' });
    expect(await path.eventTypes(portalUserStream(id))).toEqual([
      'PortalUserCreated',
      'PortalUserPasswordSet',
    ]);
    expect(await owner(taken)).toBe(other);
    expect(p.ended).toEqual([]);
  });

  it('given the token index is down, then the address it took is given back and no session ends', async () => {
    const [old, next] = [`old-${unique()}@customer.test`, `new-${unique()}@customer.test`];
    const id = await givenUser(old);
    const p = ports({ tokenStoreDown: true });
    const failed = requestEmailChange(
      p.value,
      { portalUserId: id, newEmail: next, requester: { kind: 'staff' } },
      path.ctx(),
    );
    await expect(failed).rejects.toThrow('token store down');
    expect(await owner(next)).toBeNull();
    expect(await owner(old)).toBe(id);
    expect(await path.eventTypes(portalUserStream(id))).toEqual([
      'PortalUserCreated',
      'PortalUserPasswordSet',
    ]);
    expect(p.ended).toEqual([]);
  });

  it('given a user without a password, then the change takes effect at once and the old address is freed', async () => {
    const [old, next] = [`old-${unique()}@customer.test`, `new-${unique()}@customer.test`];
    const id = await givenUser(old, { password: false });
    const outcome = await requestEmailChange(
      ports().value,
      { portalUserId: id, newEmail: next, requester: { kind: 'staff' } },
      path.ctx(),
    );
    expect(outcome).toEqual({ status: 'changed', email: next });
    expect(await owner(next)).toBe(id);
    expect(await owner(old)).toBeNull();
  });

  it('given a pending change to another address, then that address is released (superseded)', async () => {
    const [old, earlier, next] = [
      `old-${unique()}@customer.test`,
      `earlier-${unique()}@customer.test`,
      `new-${unique()}@customer.test`,
    ];
    const id = await givenUser(old);
    const first = ports();
    await requestEmailChange(
      first.value,
      { portalUserId: id, newEmail: earlier, requester: { kind: 'staff' } },
      path.ctx(),
    );
    expect(await owner(earlier)).toBe(id);
    await requestEmailChange(
      ports().value,
      { portalUserId: id, newEmail: next, requester: { kind: 'staff' } },
      path.ctx(),
    );
    expect(await owner(earlier)).toBeNull();
    expect(await owner(next)).toBe(id);
  });
});
