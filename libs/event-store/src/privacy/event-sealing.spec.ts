import type { NewEvent } from '../event-store.port';
import { sealEvent, type SealedList } from './event-sealing';
import { newDataKey, ownerKey } from './field-cipher';
import { openOwnerValues, PERSONAL_DATA_KEY } from './owner-values';

describe('sealEvent', () => {
  const ann = ownerKey('person:ann', newDataKey());
  const bob = ownerKey('person:bob', newDataKey());
  const keys = new Map([
    ['person:ann', ann],
    ['person:bob', bob],
  ]);
  const event = (): NewEvent => ({
    id: '00000000-0000-4000-8000-000000000001',
    type: 'Said',
    data: { contact: { name: 'Ann', email: 'ann@example.com' }, text: 'of bob', tags: ['x'], at: 1 },
    metadata: {
      actor: { type: 'portalUser', id: 'u1', name: 'Ann' },
      correlationId: 'c1',
      causationId: 'c1',
      timestamp: 't',
    },
  });
  const fields = [
    { path: ['data', 'contact', 'name'], owner: 'person:ann' },
    { path: ['data', 'contact', 'email'], owner: 'person:ann' },
    { path: ['data', 'text'], owner: 'person:bob' },
    { path: ['metadata', 'actor', 'name'], owner: 'person:ann' },
    // Named twice: sealed once.
    { path: ['data', 'contact', 'name'], owner: 'person:ann' },
    // Absent, and not a string: left as they are.
    { path: ['data', 'missing', 'name'], owner: 'person:ann' },
    { path: ['data', 'at'], owner: 'person:ann' },
  ];

  it("stores every value as a reference in a copy, the writer's objects untouched and the rest shared", () => {
    const plain = event();
    const lists: SealedList[] = [];
    const sealed = sealEvent(plain, fields, keys, lists);

    expect(plain).toEqual(event());
    expect(sealed.data).toEqual({
      contact: { name: 'pii:v2:person:ann:0', email: 'pii:v2:person:ann:1' },
      text: 'pii:v2:person:bob:0',
      tags: ['x'],
      at: 1,
    });
    expect(sealed.data.tags).toBe(plain.data.tags);
    const { [PERSONAL_DATA_KEY]: personalData, ...metadata } = sealed.metadata;
    expect(metadata).toEqual({
      actor: { type: 'portalUser', id: 'u1', name: 'pii:v2:person:ann:2' },
      correlationId: 'c1',
      causationId: 'c1',
      timestamp: 't',
    });
    const byOwner = personalData as Record<string, string>;
    expect(Object.keys(byOwner)).toEqual(['person:ann', 'person:bob']);
    expect(openOwnerValues(ann, byOwner['person:ann'])).toEqual(['Ann', 'ann@example.com', 'Ann']);
    expect(openOwnerValues(bob, byOwner['person:bob'])).toEqual(['of bob']);
    expect(lists.map((l) => [l.key, l.sealed, l.values])).toEqual([
      [ann, byOwner['person:ann'], ['Ann', 'ann@example.com', 'Ann']],
      [bob, byOwner['person:bob'], ['of bob']],
    ]);
  });

  it('gives back the very event when it holds nothing to seal', () => {
    const plain = event();
    expect(sealEvent(plain, fields.slice(5), keys)).toBe(plain);
  });

  it('adds the lists to a copy of the metadata when none of its values is personal', () => {
    const plain = event();
    const sealed = sealEvent(plain, fields.slice(0, 1), keys);
    expect(sealed.metadata).not.toBe(plain.metadata);
    expect(sealed.metadata.actor).toBe(plain.metadata.actor);
    expect(plain.metadata).not.toHaveProperty(PERSONAL_DATA_KEY);
    expect(Object.keys(sealed.metadata[PERSONAL_DATA_KEY] as object)).toEqual(['person:ann']);
  });
});
