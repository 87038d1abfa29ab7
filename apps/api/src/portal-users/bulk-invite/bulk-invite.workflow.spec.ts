import { randomUUID } from 'node:crypto';
import type { ContactSnapshot } from '@portal/domain';
import { EmbeddedWritePath } from '../../shared-streams/testing/embedded-write-path';
import {
  createPortalUser,
  type CreatePortalUserPorts,
} from '../create-portal-user/create-portal-user.workflow';
import { bulkInvite } from './bulk-invite.workflow';

jest.setTimeout(60_000);

describe('bulkInvite (workflow over the embedded store)', () => {
  let path: EmbeddedWritePath;
  beforeAll(async () => {
    path = await EmbeddedWritePath.open();
  });
  afterAll(() => path.close());

  const contact = (email: string): ContactSnapshot => ({
    contactId: randomUUID(),
    email,
    firstName: 'Pat',
    lastName: 'Example',
    accountIds: [],
    deleted: false,
  });

  it('invites each contact in order; a failing contact is its own result and undoes only its own steps', async () => {
    const portal = await path.portal({ maxUsers: 2 });
    const taken = `taken-${randomUUID().slice(0, 8)}@customer.test`;
    await path.uniques.reserve('portalUserEmail', taken, 'someone-else', path.ctx());
    const contacts = [
      contact(`a-${randomUUID().slice(0, 8)}@customer.test`),
      contact(taken),
      contact(`b-${randomUUID().slice(0, 8)}@customer.test`),
      contact(`c-${randomUUID().slice(0, 8)}@customer.test`),
    ];
    const unknown = randomUUID();
    const creation: CreatePortalUserPorts = {
      commands: path.commands,
      uniques: path.uniques,
      seats: path.seats,
      contacts: { of: async (id) => contacts.find((c) => c.contactId === id) ?? null },
      existing: { forContact: async () => null },
      roles: { assertLive: async () => undefined },
      invitations: { decide: () => [], remember: async () => undefined },
      restrictions: { holds: async () => false },
      staffEmailDomains: async () => [],
    };
    const lines: string[] = [];
    const results = await bulkInvite(
      {
        createPortalUser: (body, ctx) => createPortalUser(creation, body, ctx, randomUUID()),
        log: (line) => lines.push(line),
        logError: (line) => lines.push(line),
      },
      portal,
      [contacts[0].contactId, contacts[1].contactId, unknown, contacts[2].contactId, contacts[3].contactId],
      path.ctx(),
    );
    expect(results).toEqual([
      { contactId: contacts[0].contactId, status: 'invited' },
      { contactId: contacts[1].contactId, status: 'failed', reason: 'already_portal_user' },
      { contactId: unknown, status: 'failed', reason: 'not_found' },
      { contactId: contacts[2].contactId, status: 'invited' },
      { contactId: contacts[3].contactId, status: 'failed', reason: 'portal_user_limit' },
    ]);
    // Two seats, held by the two invited users; the refused ones hold no address.
    expect(await path.seatHolders(portal)).toHaveLength(2);
    expect(await path.uniques.ownerOf('portalUserEmail', taken)).toBe('someone-else');
    expect(await path.uniques.ownerOf('portalUserEmail', contacts[3].email!)).toBeNull();
    expect(lines).toEqual([`portal ${portal}: 2 of 5 contacts invited`]);
  });
});
