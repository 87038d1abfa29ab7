import { OneTimeTokenWorld } from '../testing/one-time-token-world';
import { resetPassword } from './reset-password.workflow';

jest.setTimeout(60_000);

describe('resetPassword (workflow over the embedded store)', () => {
  let world: OneTimeTokenWorld;
  beforeAll(async () => {
    world = await OneTimeTokenWorld.open();
  });
  afterAll(() => world.close());

  /** Given: a user with a password (set as 'Old-password-1!') and two open sessions. */
  async function givenUserWithSessions() {
    const portal = await world.portal();
    const id = await world.acceptedUser(portal);
    world.passwords.set(id, 'Old-password-1!');
    const sessions = [world.openSession(id, portal.id), world.openSession(id, portal.id)];
    return { portal, id, sessions };
  }

  const liveSessions = (id: string) => world.ports().sessions.liveOf(id);

  it('given a reset link, when it is used, then the reset is in, the password replaced and every session ended', async () => {
    const { portal, id } = await givenUserWithSessions();
    const token = await world.resetRequested(id, portal);
    await resetPassword(world.ports(), { portal, token, password: 'New-password-1!' }, world.ctx());
    expect((await world.eventTypes(id)).slice(-2)).toEqual(['PasswordReset', 'PortalUserPasswordSet']);
    expect(world.passwords.get(id)).toBe('New-password-1!');
    expect(await liveSessions(id)).toEqual([]);
    expect(world.sessions.filter((s) => s.portalUserId === id).map((s) => s.endReason)).toEqual([
      'password_reset',
      'password_reset',
    ]);
  });

  it('given a token nobody holds, then 422 reset_invalid: nothing written, the old password and the sessions stay', async () => {
    const { portal, id } = await givenUserWithSessions();
    const before = await world.eventTypes(id);
    await expect(
      resetPassword(
        world.ports(),
        { portal, token: 'not-a-token', password: 'New-password-1!' },
        world.ctx(),
      ),
    ).rejects.toMatchObject({ code: 'reset_invalid' });
    expect(await world.eventTypes(id)).toEqual(before);
    expect(world.passwords.get(id)).toBe('Old-password-1!');
    expect(await liveSessions(id)).toHaveLength(2);
  });

  it('given the link was made for another portal, then the domain refuses it: nothing written, nothing changed', async () => {
    const { portal, id } = await givenUserWithSessions();
    const token = await world.resetRequested(id, portal);
    const before = await world.eventTypes(id);
    await expect(
      resetPassword(
        world.ports(),
        { portal: await world.portal(), token, password: 'New-password-1!' },
        world.ctx(),
      ),
    ).rejects.toMatchObject({ name: 'DomainError' });
    expect(await world.eventTypes(id)).toEqual(before);
    expect(world.passwords.get(id)).toBe('Old-password-1!');
    expect(await liveSessions(id)).toHaveLength(2);
  });

  it('given two requests race with one link, then it works once and only the winner sets the password', async () => {
    const { portal, id } = await givenUserWithSessions();
    const token = await world.resetRequested(id, portal);
    const passwords = ['First-password-1!', 'Second-password-1!'];
    const outcomes = await Promise.allSettled(
      passwords.map((password) => resetPassword(world.ports(), { portal, token, password }, world.ctx())),
    );
    const won = outcomes.findIndex((o) => o.status === 'fulfilled');
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await world.eventTypes(id)).filter((t) => t === 'PasswordReset')).toHaveLength(1);
    expect(world.passwords.get(id)).toBe(passwords[won]);
  });

  it('given the credential store fails, then no session ends, the old password stays, and a new link can be had', async () => {
    const { portal, id } = await givenUserWithSessions();
    const token = await world.resetRequested(id, portal);
    world.credentialStoreDown = true;
    try {
      await expect(
        resetPassword(world.ports(), { portal, token, password: 'New-password-1!' }, world.ctx()),
      ).rejects.toThrow('credential store down');
    } finally {
      world.credentialStoreDown = false;
    }
    expect(world.passwords.get(id)).toBe('Old-password-1!');
    expect(await liveSessions(id)).toHaveLength(2);
    // The used link stays used; a new one works.
    await expect(
      resetPassword(world.ports(), { portal, token, password: 'New-password-1!' }, world.ctx()),
    ).rejects.toMatchObject({ name: 'DomainError' });
    const again = await world.resetRequested(id, portal);
    await resetPassword(world.ports(), { portal, token: again, password: 'New-password-1!' }, world.ctx());
    expect(world.passwords.get(id)).toBe('New-password-1!');
    expect(await liveSessions(id)).toEqual([]);
  });
});
