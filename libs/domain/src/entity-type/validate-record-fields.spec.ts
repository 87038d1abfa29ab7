import {
  CASE_ENTITY_TYPE,
  CONTACT_ENTITY_TYPE,
  KNOWLEDGE_BASE_ARTICLE_ENTITY_TYPE,
} from './built-in-entity-types';
import type { EntityTypeDefinition } from './entity-type.definition';
import { validateRecordFields } from './validate-record-fields';

const ID = '3f1c2a4e-8b7d-4c1e-9a2b-5d6e7f8a9b0c';
const ID2 = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';

const everyType: EntityTypeDefinition = {
  name: 'Sample',
  builtIn: false,
  fields: [
    { name: 'title', type: 'string', required: true },
    { name: 'notes', type: 'text' },
    { name: 'amount', type: 'number' },
    { name: 'count', type: 'integer' },
    { name: 'paid', type: 'boolean' },
    { name: 'due', type: 'date' },
    { name: 'sentAt', type: 'datetime' },
    { name: 'stage', type: 'enum', options: ['a', 'b'] },
    { name: 'tags', type: 'multiEnum', options: ['x', 'y'] },
    { name: 'email', type: 'email' },
    { name: 'phone', type: 'phone' },
    { name: 'site', type: 'url' },
  ],
  links: [
    { name: 'account', entityType: 'Account' },
    { name: 'teams', entityType: 'Team', many: true },
  ],
  accountLinks: ['account'],
  contactLinks: [],
};

const paths = (errors: { path: string }[]) => errors.map((e) => e.path);

describe('validateRecordFields', () => {
  it('accepts a full valid record', () => {
    expect(
      validateRecordFields(everyType, {
        title: 'T',
        notes: 'long text',
        amount: 12.5,
        count: 3,
        paid: false,
        due: '2024-02-29',
        sentAt: '2024-03-01T10:00:00.000Z',
        stage: 'a',
        tags: ['x', 'y'],
        email: 'ann@example.com',
        phone: '+1 (408) 320-0380',
        site: 'https://example.com/a?b=c',
        accountId: ID,
        teamIds: [ID, ID2],
      }),
    ).toEqual([]);
  });

  it('requires required fields on create, not on a partial update', () => {
    expect(validateRecordFields(everyType, {})).toEqual([{ path: 'title', message: 'is required' }]);
    expect(validateRecordFields(everyType, { title: undefined })).toEqual([
      { path: 'title', message: 'is required' },
    ]);
    expect(validateRecordFields(everyType, {}, { partial: true })).toEqual([]);
  });

  it('refuses clearing or blanking a required field, even partially', () => {
    expect(paths(validateRecordFields(everyType, { title: null }, { partial: true }))).toEqual(['title']);
    expect(paths(validateRecordFields(everyType, { title: '   ' }, { partial: true }))).toEqual(['title']);
  });

  it('lets optional fields be cleared with null', () => {
    expect(
      validateRecordFields(everyType, { notes: null, stage: null, accountId: null }, { partial: true }),
    ).toEqual([]);
  });

  it('refuses unknown fields, including link names and system fields', () => {
    const errors = validateRecordFields(
      everyType,
      { title: 'T', account: ID, createdAt: '2024-01-01T00:00:00Z', constructor: 1, __proto__x: 1 },
      {},
    );
    expect(paths(errors)).toEqual(['account', 'createdAt', 'constructor', '__proto__x']);
    expect(errors[0].message).toBe('is not a field of Sample');
  });

  it('refuses an own __proto__ key as an unknown field', () => {
    const body = JSON.parse('{"title":"T","__proto__":{"polluted":true}}') as Record<string, unknown>;
    expect(paths(validateRecordFields(everyType, body))).toEqual(['__proto__']);
  });

  it.each([
    ['title', 5],
    ['title', 'x'.repeat(256)],
    ['notes', true],
    ['amount', '12'],
    ['amount', Number.NaN],
    ['count', 1.5],
    ['paid', 'yes'],
    ['due', '2023-02-29'],
    ['due', '2024-1-01'],
    ['sentAt', '2024-03-01'],
    ['sentAt', 'yesterday'],
    ['stage', 'c'],
    ['stage', ''],
    ['tags', ['x', 'z']],
    ['tags', 'x'],
    ['email', 'not-an-email'],
    ['email', ''],
    ['phone', 'call me'],
    ['site', 'javascript:alert(1)'],
    ['accountId', 'not-a-uuid'],
    ['accountId', [ID]],
    ['teamIds', ID],
    ['teamIds', [ID, 'nope']],
    ['teamIds', [ID, ID]],
    ['teamIds', null],
  ])('refuses %s = %j', (field, value) => {
    expect(paths(validateRecordFields(everyType, { [field]: value }, { partial: true }))).toEqual([field]);
  });

  it('accepts an empty string in an optional text field and an empty many-link', () => {
    expect(validateRecordFields(everyType, { notes: '', teamIds: [] }, { partial: true })).toEqual([]);
  });

  it('reports every problem, one per field', () => {
    expect(
      paths(validateRecordFields(CASE_ENTITY_TYPE, { status: 'Open', priority: 'Meh', bogus: 1 })),
    ).toEqual(['status', 'priority', 'bogus', 'name']);
  });

  it('knows the API field names of built-in links', () => {
    expect(
      validateRecordFields(CONTACT_ENTITY_TYPE, { lastName: 'Doe', accountId: ID, accountIds: [ID, ID2] }),
    ).toEqual([]);
    expect(
      validateRecordFields(KNOWLEDGE_BASE_ARTICLE_ENTITY_TYPE, {
        name: 'How to',
        status: 'Published',
        portalIds: [ID],
      }),
    ).toEqual([]);
    expect(
      validateRecordFields(CASE_ENTITY_TYPE, {
        name: 'Broken',
        assignedUserId: ID,
        teamIds: [ID2],
        contactId: ID2,
      }),
    ).toEqual([]);
  });
});
