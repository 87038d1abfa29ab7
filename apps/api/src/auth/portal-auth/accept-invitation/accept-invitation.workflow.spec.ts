import type { PortalUserState } from '@portal/domain';
import type { PortalDoc } from '@portal/read-models';
import type { IssuedToken } from '../../tokens/access-token';
import { OneTimeTokenWorld } from '../testing/one-time-token-world';
import { acceptInvitation, type AcceptInvitationPorts } from './accept-invitation.workflow';

jest.setTimeout(60_000);

const CLIENT = { ip: '203.0.113.9', userAgent: 'spec' };
const PASSWORD = 'Customer-password-1!';

describe('acceptInvitation (workflow over the embedded store)', () => {
  let world: OneTimeTokenWorld;
  beforeAll(async () => {
    world = await OneTimeTokenWorld.open();
  });
  afterAll(() => world.close());

  /** The world's ports, and a sign-in that records who it was asked to let in. */
  function ports(options: { signInRefused?: boolean } = {}) {
    const signedIn: PortalUserState[] = [];
    const value: AcceptInvitationPorts = {
      ...world.ports(),
      signIn: {
        attempt: async (state: PortalUserState, _portal: PortalDoc, passwordOk: boolean) => {
          expect(passwordOk).toBe(true);
          signedIn.push(state);
          return options.signInRefused ? null : ({ accessToken: `token-of-${state.id}` } as IssuedToken);
        },
      },
    };
    return { value, signedIn };
  }

  it('given an invitation, when it is accepted, then the events are in, the password stored and the user signed in', async () => {
    const portal = await world.portal();
    const { id, token } = await world.invitedUser(portal);
    const p = ports();
    const issued = await acceptInvitation(
      p.value,
      { portal, token, password: PASSWORD, client: CLIENT },
      world.ctx(),
    );
    expect(issued).toEqual({ accessToken: `token-of-${id}` });
    expect(await world.eventTypes(id)).toEqual([
      'PortalUserCreated',
      'InvitationSent',
      'InvitationAccepted',
      'PortalUserPasswordSet',
    ]);
    expect(world.passwords.get(id)).toBe(PASSWORD);
    // Signed in on the state after the acceptance: with a password.
    expect(p.signedIn.map((s) => [s.id, s.hasPassword])).toEqual([[id, true]]);
  });

  it('given a portal that requires consent, then the call must accept its version: 403 consent_required and nothing written otherwise', async () => {
    const portal = await world.portal({ consentVersion: 'v2', consentUrl: 'https://example.com/terms' });
    const { id, token } = await world.invitedUser(portal);
    for (const consentVersion of [undefined, 'v1']) {
      await expect(
        acceptInvitation(
          ports().value,
          { portal, token, password: PASSWORD, client: CLIENT, consentVersion },
          world.ctx(),
        ),
      ).rejects.toMatchObject({ problem: { status: 403, consentVersion: 'v2' } });
      expect(await world.eventTypes(id)).toEqual(['PortalUserCreated', 'InvitationSent']);
      expect(world.passwords.has(id)).toBe(false);
    }
    await acceptInvitation(
      ports().value,
      { portal, token, password: PASSWORD, client: CLIENT, consentVersion: 'v2' },
      world.ctx(),
    );
    expect(await world.eventTypes(id)).toEqual([
      'PortalUserCreated',
      'InvitationSent',
      'InvitationAccepted',
      'PortalUserPasswordSet',
      'ConsentGiven',
    ]);
  });

  it('given a token nobody holds, then 422 invitation_invalid and nothing is written or stored', async () => {
    const portal = await world.portal();
    const { id } = await world.invitedUser(portal);
    const p = ports();
    await expect(
      acceptInvitation(
        p.value,
        { portal, token: 'not-a-token', password: PASSWORD, client: CLIENT },
        world.ctx(),
      ),
    ).rejects.toMatchObject({ code: 'invitation_invalid' });
    expect(await world.eventTypes(id)).toEqual(['PortalUserCreated', 'InvitationSent']);
    expect(world.passwords.has(id)).toBe(false);
    expect(p.signedIn).toEqual([]);
  });

  it('given the token is presented to another portal, then the domain refuses it and nothing is written', async () => {
    const [portal, other] = [await world.portal(), await world.portal()];
    const { id, token } = await world.invitedUser(portal);
    const p = ports();
    await expect(
      acceptInvitation(p.value, { portal: other, token, password: PASSWORD, client: CLIENT }, world.ctx()),
    ).rejects.toMatchObject({ name: 'DomainError' });
    expect(await world.eventTypes(id)).toEqual(['PortalUserCreated', 'InvitationSent']);
    expect(world.passwords.has(id)).toBe(false);
  });

  it('given two requests race with one token, then exactly one is accepted and only its password is stored', async () => {
    const portal = await world.portal();
    const { id, token } = await world.invitedUser(portal);
    const p = ports();
    const outcomes = await Promise.allSettled(
      ['First-password-1!', 'Second-password-1!'].map((password) =>
        acceptInvitation(p.value, { portal, token, password, client: CLIENT }, world.ctx()),
      ),
    );
    const won = outcomes.findIndex((o) => o.status === 'fulfilled');
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((outcomes[1 - won] as PromiseRejectedResult).reason).toMatchObject({ name: 'DomainError' });
    expect((await world.eventTypes(id)).filter((t) => t === 'InvitationAccepted')).toHaveLength(1);
    expect(world.passwords.get(id)).toBe(['First-password-1!', 'Second-password-1!'][won]);
    expect(p.signedIn).toHaveLength(1);
  });

  it('given the credential store fails after the acceptance, then the error surfaces, nobody is signed in, and a reset link can still be had', async () => {
    const portal = await world.portal();
    const { id, token } = await world.invitedUser(portal);
    const p = ports();
    world.credentialStoreDown = true;
    try {
      await expect(
        acceptInvitation(p.value, { portal, token, password: PASSWORD, client: CLIENT }, world.ctx()),
      ).rejects.toThrow('credential store down');
    } finally {
      world.credentialStoreDown = false;
    }
    // The used token stays used...
    expect((await world.eventTypes(id)).slice(-2)).toEqual(['InvitationAccepted', 'PortalUserPasswordSet']);
    await expect(
      acceptInvitation(p.value, { portal, token, password: PASSWORD, client: CLIENT }, world.ctx()),
    ).rejects.toMatchObject({ name: 'DomainError' });
    expect(world.passwords.has(id)).toBe(false);
    expect(p.signedIn).toEqual([]);
    // ...and the way back is the forgot-password link, which the domain grants.
    await expect(world.resetRequested(id, portal)).resolves.toEqual(expect.any(String));
  });

  it('given the account may not log in now, then the acceptance and the password stand and no token is issued', async () => {
    const portal = await world.portal();
    const { id, token } = await world.invitedUser(portal);
    const p = ports({ signInRefused: true });
    const issued = await acceptInvitation(
      p.value,
      { portal, token, password: PASSWORD, client: CLIENT },
      world.ctx(),
    );
    expect(issued).toBeNull();
    expect(world.passwords.get(id)).toBe(PASSWORD);
    expect(await world.eventTypes(id)).toContain('InvitationAccepted');
  });
});
