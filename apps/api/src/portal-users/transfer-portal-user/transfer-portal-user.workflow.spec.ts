import { randomUUID } from 'node:crypto';
import { portalUserStream } from '@portal/domain';
import { EmbeddedWritePath } from '../../shared-streams/testing/embedded-write-path';
import { transferPortalUser, type TransferPortalUserPorts } from './transfer-portal-user.workflow';

jest.setTimeout(60_000);

describe('transferPortalUser (workflow over the embedded store)', () => {
  let path: EmbeddedWritePath;
  beforeAll(async () => {
    path = await EmbeddedWritePath.open();
  });
  afterAll(() => path.close());

  function ports(overrides: Partial<TransferPortalUserPorts> = {}) {
    const ended: [string, string | undefined][] = [];
    const value: TransferPortalUserPorts = {
      commands: path.commands,
      seats: path.seats,
      sessions: { endAll: async (id, portalId) => void ended.push([id, portalId]) },
      ...overrides,
    };
    return { value, ended };
  }

  it('given a user in one portal, when transferred, then the seat moves and the old portal sessions end', async () => {
    const [from, to] = [await path.portal(), await path.portal()];
    const id = await path.portalUserIn(from);
    const p = ports();
    await transferPortalUser(p.value, { portalUserId: id, fromPortalId: from, toPortalId: to }, path.ctx());
    expect(await path.eventTypes(portalUserStream(id))).toEqual([
      'PortalUserCreated',
      'PortalUserTransferred',
    ]);
    expect(await path.seatHolders(from)).toEqual([]);
    expect(await path.seatHolders(to)).toEqual([id]);
    expect(p.ended).toEqual([[id, from]]);
  });

  it('given the same portal twice, then the domain refuses it and no seat is taken', async () => {
    const from = await path.portal();
    const id = await path.portalUserIn(from);
    const p = ports();
    await expect(
      transferPortalUser(p.value, { portalUserId: id, fromPortalId: from, toPortalId: from }, path.ctx()),
    ).rejects.toMatchObject({ code: 'same_portal' });
    expect(await path.seatHolders(from)).toEqual([id]);
    expect(p.ended).toEqual([]);
  });

  it('given a full target portal, then 409 portal_user_limit and the user keeps the old seat', async () => {
    const [from, full] = [await path.portal(), await path.portal({ maxUsers: 1 })];
    await path.seats.take(full, 'someone-else', path.ctx());
    const id = await path.portalUserIn(from);
    await expect(
      transferPortalUser(
        ports().value,
        { portalUserId: id, fromPortalId: from, toPortalId: full },
        path.ctx(),
      ),
    ).rejects.toMatchObject({ code: 'portal_user_limit' });
    expect(await path.seatHolders(from)).toEqual([id]);
    expect(await path.seatHolders(full)).toEqual(['someone-else']);
    expect(await path.eventTypes(portalUserStream(id))).toEqual(['PortalUserCreated']);
  });

  it('given a target portal that does not exist, then 422 portal_not_found naming /toPortalId', async () => {
    const from = await path.portal();
    const id = await path.portalUserIn(from);
    await expect(
      transferPortalUser(
        ports().value,
        { portalUserId: id, fromPortalId: from, toPortalId: randomUUID() },
        path.ctx(),
      ),
    ).rejects.toMatchObject({ code: 'portal_not_found', kind: 'invalid', errors: [{ path: '/toPortalId' }] });
    expect(await path.seatHolders(from)).toEqual([id]);
  });

  it('given the transfer cannot be appended, then the seat taken in the target portal is given back', async () => {
    const [from, to] = [await path.portal(), await path.portal()];
    const id = await path.portalUserIn(from);
    // The store refuses writes to the user's stream only (the portals' streams still work).
    const failing = path.commandsFailingOn((stream) => stream === portalUserStream(id), 'user stream down');
    const p = ports({ commands: failing });
    await expect(
      transferPortalUser(p.value, { portalUserId: id, fromPortalId: from, toPortalId: to }, path.ctx()),
    ).rejects.toThrow('user stream down');
    expect(await path.seatHolders(to)).toEqual([]);
    expect(await path.seatHolders(from)).toEqual([id]);
    expect(await path.eventTypes(portalUserStream(id))).toEqual(['PortalUserCreated']);
    expect(p.ended).toEqual([]);
  });
});
