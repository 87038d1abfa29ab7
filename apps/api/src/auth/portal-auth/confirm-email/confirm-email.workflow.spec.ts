import { randomUUID } from 'node:crypto';
import { OneTimeTokenWorld } from '../testing/one-time-token-world';
import { confirmEmail, type ConfirmEmailPorts } from './confirm-email.workflow';

jest.setTimeout(60_000);

describe('confirmEmail (workflow over the embedded store)', () => {
  let world: OneTimeTokenWorld;
  beforeAll(async () => {
    world = await OneTimeTokenWorld.open();
  });
  afterAll(() => world.close());

  const ports = (overrides: Partial<ConfirmEmailPorts> = {}): ConfirmEmailPorts => ({
    ...world.ports(),
    uniques: world.path.uniques,
    ...overrides,
  });
  const owner = (address: string) => world.path.uniques.ownerOf('portalUserEmail', address);
  const address = () => `new-${randomUUID().slice(0, 8)}@customer.test`;

  /** Given: a user with a password who asked to move to a new address. */
  async function givenPendingChange() {
    const portal = await world.portal();
    const id = await world.acceptedUser(portal);
    const old = (await world.state(id)).email;
    const next = address();
    const token = await world.emailChangeRequested(id, next);
    return { portal, id, old, next, token };
  }

  it('given a pending change, when it is confirmed, then the user has the new address and the old one is free', async () => {
    const { portal, id, old, next, token } = await givenPendingChange();
    expect(await confirmEmail(ports(), { portalId: portal.id, token }, world.ctx())).toEqual({ email: next });
    expect((await world.eventTypes(id)).at(-1)).toBe('EmailChangeConfirmed');
    expect((await world.state(id)).email).toBe(next);
    expect(await owner(next)).toBe(id);
    expect(await owner(old)).toBeNull();
  });

  it('given a token nobody holds, then 422 email_change_invalid and nothing is written or released', async () => {
    const { portal, id, old, next } = await givenPendingChange();
    const before = await world.eventTypes(id);
    await expect(
      confirmEmail(ports(), { portalId: portal.id, token: 'not-a-token' }, world.ctx()),
    ).rejects.toMatchObject({ code: 'email_change_invalid' });
    expect(await world.eventTypes(id)).toEqual(before);
    expect(await owner(old)).toBe(id);
    expect(await owner(next)).toBe(id);
  });

  it('given the link was used already, then the domain refuses it and the addresses stay as they are', async () => {
    const { portal, id, old, next, token } = await givenPendingChange();
    await confirmEmail(ports(), { portalId: portal.id, token }, world.ctx());
    const before = await world.eventTypes(id);
    await expect(confirmEmail(ports(), { portalId: portal.id, token }, world.ctx())).rejects.toMatchObject({
      name: 'DomainError',
    });
    expect(await world.eventTypes(id)).toEqual(before);
    expect(await owner(next)).toBe(id);
    expect(await owner(old)).toBeNull();
  });

  it('given the old address belongs to someone else by now, then the change stands and their reservation is left alone', async () => {
    const { portal, id, old, token } = await givenPendingChange();
    const other = randomUUID();
    await world.path.uniques.release('portalUserEmail', old, id, world.ctx());
    await world.path.uniques.reserve('portalUserEmail', old, other, world.ctx());
    await confirmEmail(ports(), { portalId: portal.id, token }, world.ctx());
    expect((await world.eventTypes(id)).at(-1)).toBe('EmailChangeConfirmed');
    expect(await owner(old)).toBe(other);
  });

  it('given the release fails, then the error surfaces but the change stands (the old address stays held by the user)', async () => {
    const { portal, id, old, next, token } = await givenPendingChange();
    const failing = ports({
      uniques: {
        release: async () => {
          throw new Error('event store hiccup');
        },
      },
    });
    await expect(confirmEmail(failing, { portalId: portal.id, token }, world.ctx())).rejects.toThrow(
      'event store hiccup',
    );
    expect((await world.state(id)).email).toBe(next);
    expect(await owner(old)).toBe(id);
  });
});
