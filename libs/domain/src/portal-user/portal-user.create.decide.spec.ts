import type { ContactSnapshot, CreatePortalUser } from './portal-user.commands';
import {
  ACCOUNT_ID,
  CONTACT_ID,
  PORTAL_A,
  ROLE_ID,
  STAFF_DOMAINS,
  USER_ID,
  created,
  given,
  refusalAfter,
} from './testing/portal-user.scenario';

const contact: ContactSnapshot = {
  contactId: CONTACT_ID,
  email: 'Jane@Customer.org',
  firstName: 'Jane',
  lastName: 'Doe',
  accountIds: [ACCOUNT_ID, ACCOUNT_ID],
  deleted: false,
};

function fromContact(overrides: Partial<ContactSnapshot> = {}): CreatePortalUser {
  return {
    type: 'CreatePortalUser',
    portalUserId: USER_ID,
    source: { kind: 'contact', contact: { ...contact, ...overrides } },
    portalIds: [PORTAL_A],
    roleIds: [ROLE_ID],
    staffEmailDomains: STAFF_DOMAINS,
  };
}

function fromScratch(email: string, firstName = 'Ann', lastName = 'Lee'): CreatePortalUser {
  return {
    type: 'CreatePortalUser',
    portalUserId: USER_ID,
    source: { kind: 'new', email, firstName, lastName },
    portalIds: [PORTAL_A, PORTAL_A],
    roleIds: [],
    staffEmailDomains: STAFF_DOMAINS,
  };
}

describe('CreatePortalUser', () => {
  it('creates from a contact, copying its email (lowercased), names and accounts', () => {
    expect(given().when(fromContact())).toEqual({
      events: [
        created({
          email: 'jane@customer.org',
          contactId: CONTACT_ID,
          accountIds: [ACCOUNT_ID],
          portalIds: [PORTAL_A],
          roleIds: [ROLE_ID],
        }),
      ],
    });
  });

  it('creates without a contact from email and names, trimmed, ids deduplicated', () => {
    expect(given().when(fromScratch('  Ann.Lee+portal@Example.COM ', ' Ann ', ' Lee '))).toEqual({
      events: [
        created({
          email: 'ann.lee+portal@example.com',
          firstName: 'Ann',
          lastName: 'Lee',
          contactId: null,
          accountIds: [],
          portalIds: [PORTAL_A],
          roleIds: [],
        }),
      ],
    });
  });

  it('refuses a second creation of the same user', () => {
    expect(given(created()).when(fromContact())).toMatchObject({
      refused: { code: 'portal_user_exists', kind: 'conflict' },
    });
  });

  it.each([
    ['a deleted contact', fromContact({ deleted: true }), 'record_deleted'],
    ['a contact without email', fromContact({ email: null }), 'no_email'],
    ['a blank email', fromScratch('   '), 'no_email'],
    ['an email with unsupported characters', fromScratch('jäne@customer.org'), 'invalid_email'],
    ['an email without domain dot', fromScratch('jane@localhost'), 'invalid_email'],
    ['a staff email', fromScratch('bob@acme.com'), 'staff_domain'],
    ['a staff subdomain email', fromScratch('bob@eu.acme.com'), 'staff_domain'],
    ['no name at all', fromScratch('ann@example.com', ' ', ''), 'name_required'],
  ])('refuses %s', (_case, command, code) => {
    expect(given().when(command)).toMatchObject({ refused: { code, kind: 'invalid' } });
  });

  it('creates with only a first name or only a last name, and deduplicates the roles', () => {
    expect(
      given().when({ ...fromScratch('ann@example.com', 'Ann', ' '), roleIds: [ROLE_ID, ROLE_ID] }),
    ).toEqual({
      events: [
        created({
          email: 'ann@example.com',
          firstName: 'Ann',
          lastName: '',
          contactId: null,
          accountIds: [],
          portalIds: [PORTAL_A],
          roleIds: [ROLE_ID],
        }),
      ],
    });
    expect(given().when(fromScratch('lee@example.com', '', 'Lee'))).toMatchObject({
      events: [{ data: { firstName: '', lastName: 'Lee' } }],
    });
  });

  it('tells why it refuses: the existing user, the deleted contact, the missing name', () => {
    expect(refusalAfter([created()], fromContact())).toEqual({
      code: 'portal_user_exists',
      kind: 'conflict',
      message: 'This portal user already exists.',
      errors: [],
    });
    expect(refusalAfter([], fromContact({ deleted: true }))).toEqual({
      code: 'record_deleted',
      kind: 'invalid',
      message: 'The contact was deleted.',
      errors: [],
    });
    expect(refusalAfter([], fromScratch('ann@example.com', '', ''))).toEqual({
      code: 'name_required',
      kind: 'invalid',
      message: 'A portal user needs a name.',
      errors: [{ path: 'lastName', message: 'required when firstName is empty' }],
    });
  });

  it('checks the deleted contact before its email', () => {
    expect(given().when(fromContact({ deleted: true, email: null }))).toMatchObject({
      refused: { code: 'record_deleted' },
    });
  });
});

describe('ChangePortalUserAccounts', () => {
  it('records the new set of accounts', () => {
    expect(given(created()).when({ type: 'ChangePortalUserAccounts', accountIds: ['acc-2'] })).toEqual({
      events: [{ type: 'PortalUserAccountsChanged', data: { from: [ACCOUNT_ID], to: ['acc-2'] } }],
    });
  });

  it('is a no-op for the same set in another order', () => {
    const given2 = given(created({ accountIds: [ACCOUNT_ID, 'acc-2'] }));
    expect(given2.when({ type: 'ChangePortalUserAccounts', accountIds: ['acc-2', ACCOUNT_ID] })).toEqual({
      events: [],
    });
  });

  it('records a set of the same size that swaps one account for another', () => {
    const twoAccounts = given(created({ accountIds: [ACCOUNT_ID, 'acc-2'] }));
    expect(twoAccounts.when({ type: 'ChangePortalUserAccounts', accountIds: [ACCOUNT_ID, 'acc-3'] })).toEqual(
      {
        events: [
          {
            type: 'PortalUserAccountsChanged',
            data: { from: [ACCOUNT_ID, 'acc-2'], to: [ACCOUNT_ID, 'acc-3'] },
          },
        ],
      },
    );
  });

  it('records a smaller set of accounts, and deduplicates the new one', () => {
    const twoAccounts = given(created({ accountIds: [ACCOUNT_ID, 'acc-2'] }));
    expect(
      twoAccounts.when({ type: 'ChangePortalUserAccounts', accountIds: [ACCOUNT_ID, ACCOUNT_ID] }),
    ).toEqual({
      events: [
        { type: 'PortalUserAccountsChanged', data: { from: [ACCOUNT_ID, 'acc-2'], to: [ACCOUNT_ID] } },
      ],
    });
  });

  it('is a no-op for the same set sent twice over', () => {
    expect(
      given(created()).when({ type: 'ChangePortalUserAccounts', accountIds: [ACCOUNT_ID, ACCOUNT_ID] }),
    ).toEqual({ events: [] });
  });

  it('refuses a user that does not exist', () => {
    expect(given().when({ type: 'ChangePortalUserAccounts', accountIds: [] })).toMatchObject({
      refused: { code: 'portal_user_not_found', kind: 'not-found' },
    });
  });
});
