import type { DefineEntityType } from './entity-type.commands';
import { decideDefineEntityType } from './entity-type.decide';
import type { EntityTypeEvent } from './entity-type.events';
import { entityTypeStream } from './entity-type.stream';
import { given, refusal } from './testing/entity-type.scenario';

function define(overrides: Partial<DefineEntityType> = {}): DefineEntityType {
  return {
    type: 'DefineEntityType',
    name: 'Invoice',
    fields: [
      { name: 'number', type: 'string', required: true },
      { name: 'amount', type: 'number' },
      { name: 'state', type: 'enum', options: ['Open', 'Paid'], default: 'Open' },
    ],
    links: [
      { name: 'account', entityType: 'Account' },
      { name: 'contacts', entityType: 'Contact', many: true },
    ],
    ...overrides,
  };
}

const invoiceDefined: EntityTypeEvent = {
  type: 'EntityTypeDefined',
  data: {
    name: 'Invoice',
    fields: [
      { name: 'number', type: 'string', required: true },
      { name: 'amount', type: 'number' },
      { name: 'state', type: 'enum', options: ['Open', 'Paid'], default: 'Open' },
    ],
    links: [
      { name: 'account', entityType: 'Account' },
      { name: 'contacts', entityType: 'Contact', many: true },
    ],
    accountLinks: ['account'],
    contactLinks: ['contacts'],
  },
};

describe('DefineEntityType', () => {
  it('given nothing, defines the type with default account/contact links', () => {
    expect(decideDefineEntityType(define(), given(), [])).toEqual([invoiceDefined]);
  });

  it('then the state holds the custom definition', () => {
    expect(given(invoiceDefined).definition).toEqual({ ...invoiceDefined.data, builtIn: false });
    expect(entityTypeStream('Invoice')).toBe('entityType-Invoice');
  });

  it('takes named account and contact links', () => {
    const [event] = decideDefineEntityType(
      define({
        links: [
          { name: 'customer', entityType: 'Account' },
          { name: 'account', entityType: 'Account' },
          { name: 'requester', entityType: 'Contact' },
        ],
        accountLink: 'customer',
        contactLink: 'requester',
      }),
      given(),
      [],
    );
    expect(event.data.accountLinks).toEqual(['customer']);
    expect(event.data.contactLinks).toEqual(['requester']);
  });

  it('has no account links when none is named and none is called account/accounts', () => {
    const [event] = decideDefineEntityType(
      define({ links: [{ name: 'owner', entityType: 'Account' }] }),
      given(),
      [],
    );
    expect(event.data.accountLinks).toEqual([]);
    expect(event.data.contactLinks).toEqual([]);
  });

  it('lets links point at other custom types, itself and staff/teams/portals', () => {
    const links = [
      { name: 'project', entityType: 'Project' },
      { name: 'parent', entityType: 'Invoice' },
      { name: 'assignedUser', entityType: 'StaffUser' },
      { name: 'teams', entityType: 'Team', many: true },
      { name: 'portals', entityType: 'Portal', many: true },
    ];
    expect(decideDefineEntityType(define({ links }), given(), ['Project'])[0].data.links).toEqual(links);
  });

  it('stores only the known keys of fields and links', () => {
    const [event] = decideDefineEntityType(
      define({
        fields: [{ name: 'note', type: 'text', required: false, extra: 1 } as never],
        links: [{ name: 'account', entityType: 'Account', many: false }],
      }),
      given(),
      [],
    );
    expect(event.data.fields).toEqual([{ name: 'note', type: 'text' }]);
    expect(event.data.links).toEqual([{ name: 'account', entityType: 'Account' }]);
  });

  it.each(['invoice', 'Invoice-2', 'In voice', '', 'I'.repeat(65)])(
    'refuses the name %j: entity_type_name_invalid',
    (name) => {
      const error = refusal(() => decideDefineEntityType(define({ name }), given(), []));
      expect([error.code, error.kind]).toEqual(['entity_type_name_invalid', 'invalid']);
    },
  );

  it.each(['Case', 'CASE', 'Account', 'Portal', 'StaffUser', 'Team', 'PortalUser'])(
    'refuses the built-in name %s: entity_type_name_reserved',
    (name) => {
      const error = refusal(() => decideDefineEntityType(define({ name }), given(), []));
      expect([error.code, error.kind]).toEqual(['entity_type_name_reserved', 'conflict']);
    },
  );

  it('given the type is defined, refuses to define it again: entity_type_exists', () => {
    const error = refusal(() => decideDefineEntityType(define(), given(invoiceDefined), []));
    expect([error.code, error.kind]).toEqual(['entity_type_exists', 'conflict']);
  });

  it('refuses a name that differs from a defined one only in case: entity_type_exists', () => {
    const error = refusal(() => decideDefineEntityType(define({ name: 'INVOICE' }), given(), ['Invoice']));
    expect(error.code).toBe('entity_type_exists');
  });

  it.each([
    [{ fields: [{ name: 'Number', type: 'string' }] }, 'fields[0].name'],
    [{ fields: [{ name: 'createdAt', type: 'datetime' }] }, 'fields[0].name'],
    [{ fields: [{ name: 'x', type: 'money' }] }, 'fields[0].type'],
    [{ fields: [{ name: 'isInternal', type: 'string' }] }, 'fields[0].type'],
    [{ fields: [{ name: 'x', type: 'enum' }] }, 'fields[0].options'],
    [{ fields: [{ name: 'x', type: 'enum', options: ['a', 'a'] }] }, 'fields[0].options'],
    [{ fields: [{ name: 'x', type: 'string', options: ['a'] }] }, 'fields[0].options'],
    [{ fields: [{ name: 'x', type: 'enum', options: ['a'], default: 'b' }] }, 'fields[0].default'],
    [
      {
        fields: [
          { name: 'a', type: 'string' },
          { name: 'a', type: 'text' },
        ],
      },
      'fields[1].name',
    ],
    [{ links: [{ name: 'Account', entityType: 'Account' }] }, 'links[0].name'],
    [{ links: [{ name: 'account', entityType: 'Nowhere' }] }, 'links[0].entityType'],
    [
      {
        fields: [{ name: 'accountId', type: 'string' }],
        links: [{ name: 'account', entityType: 'Account' }],
      },
      'links[0].name',
    ],
    [{ links: [{ name: 'owner', entityType: 'Contact' }], accountLink: 'owner' }, 'accountLink'],
    [{ links: [], contactLink: 'contact' }, 'contactLink'],
  ] as [Partial<DefineEntityType>, string][])('refuses %j: entity_type_invalid at %s', (overrides, path) => {
    const error = refusal(() =>
      decideDefineEntityType(define({ fields: [], links: [], ...overrides }), given(), []),
    );
    expect([error.code, error.kind]).toEqual(['entity_type_invalid', 'invalid']);
    expect(error.errors.map((e) => e.path)).toContain(path);
  });
});
