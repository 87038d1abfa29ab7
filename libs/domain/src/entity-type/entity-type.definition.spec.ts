import {
  CASE_ENTITY_TYPE,
  CONTACT_ENTITY_TYPE,
  KNOWLEDGE_BASE_ARTICLE_ENTITY_TYPE,
} from './built-in-entity-types';
import {
  accountLinksOf,
  contactLinksOf,
  defaultAccountLinks,
  defaultContactLinks,
  findLinkByField,
  linkFieldName,
} from './entity-type.definition';

describe('linkFieldName', () => {
  it.each([
    [{ name: 'account' }, 'accountId'],
    [{ name: 'assignedUser' }, 'assignedUserId'],
    [{ name: 'accounts', many: true }, 'accountIds'],
    [{ name: 'teams', many: true }, 'teamIds'],
    [{ name: 'portals', many: true }, 'portalIds'],
    [{ name: 'contacts', many: true }, 'contactIds'],
    [{ name: 'categories', many: true }, 'categoryIds'],
    [{ name: 'staff', many: true }, 'staffIds'],
    [{ name: 'address', many: true }, 'addressIds'],
  ])('%j is stored as %s', (link, field) => {
    expect(linkFieldName(link)).toBe(field);
  });
});

describe('account and contact links', () => {
  it('default to the links named account/accounts and contact/contacts that point at Account/Contact', () => {
    const links = [
      { name: 'account', entityType: 'Account' },
      { name: 'accounts', entityType: 'Account', many: true },
      { name: 'contact', entityType: 'Lead' },
      { name: 'contacts', entityType: 'Contact', many: true },
      { name: 'owner', entityType: 'Account' },
    ];
    expect(defaultAccountLinks(links)).toEqual(['account', 'accounts']);
    expect(defaultContactLinks(links)).toEqual(['contacts']);
  });

  it('resolve on built-in types to their link definitions', () => {
    expect(accountLinksOf(CONTACT_ENTITY_TYPE).map(linkFieldName)).toEqual(['accountId', 'accountIds']);
    expect(accountLinksOf(CASE_ENTITY_TYPE).map(linkFieldName)).toEqual(['accountId']);
    expect(contactLinksOf(CASE_ENTITY_TYPE).map(linkFieldName)).toEqual(['contactId']);
    expect(accountLinksOf(KNOWLEDGE_BASE_ARTICLE_ENTITY_TYPE).map(linkFieldName)).toEqual(['accountIds']);
  });

  it('are found by their field name', () => {
    expect(findLinkByField(CASE_ENTITY_TYPE, 'assignedUserId')).toEqual({
      name: 'assignedUser',
      entityType: 'StaffUser',
    });
    expect(findLinkByField(CASE_ENTITY_TYPE, 'teamIds')).toEqual({
      name: 'teams',
      entityType: 'Team',
      many: true,
    });
    expect(findLinkByField(CASE_ENTITY_TYPE, 'assignedUser')).toBeUndefined();
  });
});
