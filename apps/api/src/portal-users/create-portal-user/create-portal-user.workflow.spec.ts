import { randomUUID } from 'node:crypto';
import type { CommandContext } from '@portal/commands';
import { DomainError, portalStream, portalUserStream } from '@portal/domain';
import { EmbeddedWritePath } from '../../shared-streams/testing/embedded-write-path';
import type { CreatePortalUserBody } from '../portal-user.schemas';
import { createPortalUser, type CreatePortalUserPorts } from './create-portal-user.workflow';

jest.setTimeout(60_000);

describe('createPortalUser (workflow over the embedded store)', () => {
  let path: EmbeddedWritePath;
  beforeAll(async () => {
    path = await EmbeddedWritePath.open();
  });
  afterAll(() => path.close());

  /** Real streams; the read-side lookups answer "nothing known", invitations as given. */
  const ports = (overrides: Partial<CreatePortalUserPorts> = {}): CreatePortalUserPorts => ({
    commands: path.commands,
    uniques: path.uniques,
    seats: path.seats,
    contacts: { of: async () => null },
    existing: { forContact: async () => null },
    roles: { assertLive: async () => undefined },
    invitations: { decide: () => [], remember: async () => undefined },
    restrictions: { holds: async () => false },
    staffEmailDomains: async () => [],
    ...overrides,
  });
  const newUser = (email: string, portalIds: string[]): CreatePortalUserBody => ({
    email,
    firstName: 'Ada',
    lastName: 'Lovelace',
    portalIds,
  });
  const email = () => `ada-${randomUUID().slice(0, 8)}@customer.test`;
  const owner = (address: string) => path.uniques.ownerOf('portalUserEmail', address);

  it('given two portals, when a user is created in both, then the email, both seats and the user are taken', async () => {
    const [a, b] = [await path.portal(), await path.portal({ maxUsers: 1 })];
    const address = email();
    const id = randomUUID();
    await createPortalUser(ports(), newUser(address, [a, b]), path.ctx(), id);
    expect(await owner(address)).toBe(id);
    expect(await path.seatHolders(a)).toEqual([id]);
    expect(await path.seatHolders(b)).toEqual([id]);
    expect(await path.eventTypes(portalUserStream(id))).toEqual(['PortalUserCreated']);
  });

  it('given a contact whose processing is restricted, then the user starts restricted and is not invited', async () => {
    const portal = await path.portal();
    const contactId = randomUUID();
    const contact = {
      contactId,
      email: email(),
      firstName: 'Ada',
      lastName: 'L',
      accountIds: [],
      deleted: false,
    };
    const decide = jest.fn(() => []);
    const restrictedPorts = ports({
      contacts: { of: async (id) => (id === contactId ? contact : null) },
      restrictions: { holds: async (subjectId) => subjectId === contactId },
      invitations: { decide, remember: async () => undefined },
    });
    const id = randomUUID();
    await createPortalUser(
      restrictedPorts,
      { contactId, portalIds: [portal], sendInvitation: true },
      path.ctx(),
      id,
    );
    expect(await path.eventTypes(portalUserStream(id))).toEqual([
      'PortalUserCreated',
      'ProcessingRestricted',
    ]);
    expect(decide).not.toHaveBeenCalled();
  });

  it('given the email is held by another user, then 409 email_taken and no seat is taken', async () => {
    const portal = await path.portal();
    const address = email();
    await path.uniques.reserve('portalUserEmail', address, 'someone-else', path.ctx());
    const id = randomUUID();
    const refused = createPortalUser(ports(), newUser(address, [portal]), path.ctx(), id);
    await expect(refused).rejects.toMatchObject({ code: 'email_taken' });
    expect(await path.seatHolders(portal)).toEqual([]);
    expect(await path.eventTypes(portalUserStream(id))).toEqual([]);
    expect(await owner(address)).toBe('someone-else');
  });

  it('given a portal that fills up after the check, then the seat taken elsewhere and the email are given back', async () => {
    const [roomy, full] = [await path.portal(), await path.portal({ maxUsers: 1 })];
    // Another user takes the last seat between the availability check and this user's turn.
    const racing: CreatePortalUserPorts['seats'] = {
      assertAvailable: (portalId, userId) => path.seats.assertAvailable(portalId, userId),
      take: async (portalId, userId, ctx: CommandContext) => {
        if (portalId === full) await path.seats.take(full, 'the-other-user', path.ctx());
        return path.seats.take(portalId, userId, ctx);
      },
      release: (portalId, userId, ctx) => path.seats.release(portalId, userId, ctx),
    };
    const address = email();
    const id = randomUUID();
    const refused = createPortalUser(
      ports({ seats: racing }),
      newUser(address, [roomy, full]),
      path.ctx(),
      id,
    );
    await expect(refused).rejects.toMatchObject({ code: 'portal_user_limit' });
    expect(await path.seatHolders(roomy)).toEqual([]);
    expect(await path.seatHolders(full)).toEqual(['the-other-user']);
    expect(await owner(address)).toBeNull();
    expect(await path.eventTypes(portalUserStream(id))).toEqual([]);
  });

  it('given the invitation tokens cannot be stored, then the seats and the email are given back', async () => {
    const [a, b] = [await path.portal(), await path.portal()];
    const address = email();
    const id = randomUUID();
    const failing = ports({
      invitations: {
        decide: () => [],
        remember: async () => {
          throw new Error('token store down');
        },
      },
    });
    await expect(createPortalUser(failing, newUser(address, [a, b]), path.ctx(), id)).rejects.toThrow(
      'token store down',
    );
    expect(await path.seatHolders(a)).toEqual([]);
    expect(await path.seatHolders(b)).toEqual([]);
    expect(await owner(address)).toBeNull();
    expect(await path.eventTypes(portalStream(a))).toEqual([
      'PortalCreated',
      'PortalSeatTaken',
      'PortalSeatReleased',
    ]);
  });

  it('given an unknown portal, then 422 portal_not_found naming it, and nothing is reserved', async () => {
    const portal = await path.portal();
    const address = email();
    const refused = createPortalUser(
      ports(),
      newUser(address, [portal, randomUUID()]),
      path.ctx(),
      randomUUID(),
    );
    await expect(refused).rejects.toEqual(expect.any(DomainError));
    await expect(refused).rejects.toMatchObject({
      code: 'portal_not_found',
      errors: [{ path: '/portalIds/1', message: 'no such portal' }],
    });
    expect(await owner(address)).toBeNull();
    expect(await path.seatHolders(portal)).toEqual([]);
  });
});
