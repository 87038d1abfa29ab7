import { randomUUID } from 'node:crypto';
import { portalStream, portalUserStream } from '@portal/domain';
import { PortalSeats } from '../../shared-streams/portal-seats';
import { EmbeddedWritePath } from '../../shared-streams/testing/embedded-write-path';
import { removeFromPortal, type RemoveFromPortalPorts } from './remove-from-portal.workflow';

jest.setTimeout(60_000);

describe('removeFromPortal (workflow over the embedded store)', () => {
  let path: EmbeddedWritePath;
  beforeAll(async () => {
    path = await EmbeddedWritePath.open();
  });
  afterAll(() => path.close());

  function ports(overrides: Partial<RemoveFromPortalPorts> = {}) {
    const ended: [string, string | undefined][] = [];
    const value: RemoveFromPortalPorts = {
      commands: path.commands,
      seats: path.seats,
      sessions: { endAll: async (id, portalId) => void ended.push([id, portalId]) },
      ...overrides,
    };
    return { value, ended };
  }

  it('given a member, when removed, then the removal is appended, the seat freed and that portal’s sessions ended', async () => {
    const [portal, other] = [await path.portal(), await path.portal()];
    const id = await path.portalUserIn(portal, other);
    const p = ports();
    await removeFromPortal(p.value, { portalId: portal, portalUserId: id }, path.ctx());
    expect(await path.eventTypes(portalUserStream(id))).toEqual([
      'PortalUserCreated',
      'PortalUserRemovedFromPortal',
    ]);
    expect(await path.seatHolders(portal)).toEqual([]);
    expect(await path.seatHolders(other)).toEqual([id]);
    expect(p.ended).toEqual([[id, portal]]);
  });

  it('given a user not in the portal, then 404 not_in_portal and nothing else happens', async () => {
    const [portal, other] = [await path.portal(), await path.portal()];
    const id = await path.portalUserIn(other);
    // Someone taking a seat in the portal (a transfer in flight) keeps it.
    await path.seats.take(portal, id, path.ctx());
    const p = ports();
    await expect(
      removeFromPortal(p.value, { portalId: portal, portalUserId: id }, path.ctx()),
    ).rejects.toMatchObject({ code: 'not_in_portal', kind: 'not-found' });
    expect(await path.seatHolders(portal)).toEqual([id]);
    expect(p.ended).toEqual([]);
  });

  it('given an unknown user, then 404 portal_user_not_found and nothing is appended', async () => {
    const portal = await path.portal();
    const id = randomUUID();
    await expect(
      removeFromPortal(ports().value, { portalId: portal, portalUserId: id }, path.ctx()),
    ).rejects.toMatchObject({ code: 'portal_user_not_found' });
    expect(await path.eventTypes(portalUserStream(id))).toEqual([]);
  });

  it('given the seat cannot be freed after the removal, then the removal stands, the sessions still end and the error surfaces', async () => {
    const portal = await path.portal();
    const id = await path.portalUserIn(portal);
    const failing = path.commandsFailingOn((stream) => stream === portalStream(portal), 'portal stream down');
    const p = ports({ seats: new PortalSeats(failing) });
    await expect(
      removeFromPortal(p.value, { portalId: portal, portalUserId: id }, path.ctx()),
    ).rejects.toThrow('portal stream down');
    expect(await path.eventTypes(portalUserStream(id))).toEqual([
      'PortalUserCreated',
      'PortalUserRemovedFromPortal',
    ]);
    expect(await path.seatHolders(portal)).toEqual([id]);
    expect(p.ended).toEqual([[id, portal]]);
  });

  it('given the removal cannot be appended, then no seat is freed and no session ended', async () => {
    const portal = await path.portal();
    const id = await path.portalUserIn(portal);
    const commands = path.commandsFailingOn((stream) => stream === portalUserStream(id), 'user stream down');
    const p = ports({ commands });
    await expect(
      removeFromPortal(p.value, { portalId: portal, portalUserId: id }, path.ctx()),
    ).rejects.toThrow('user stream down');
    expect(await path.seatHolders(portal)).toEqual([id]);
    expect(p.ended).toEqual([]);
  });
});
