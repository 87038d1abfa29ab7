// What the privacy layer's specs share: a policy of their own (so they test the layer, not the
// domain's map), its event, and a key store whose round trips are counted.
import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../event-store.port';
import type { DataKeyStore } from '../privacy/data-key-store.port';
import type { PersonalDataPolicy } from '../privacy/personal-data-policy.port';

// `Said.text` and the acting person's name belong to data.person; `Erased` erases data.owners.
export const policy: PersonalDataPolicy = {
  personalFields: (_stream, event) =>
    event.type === 'Said'
      ? [
          { path: ['data', 'text'], owner: `person:${String(event.data.person)}` },
          { path: ['metadata', 'actor', 'name'], owner: `person:${String(event.data.person)}` },
        ]
      : [],
  erasedOwners: (event) => (event.type === 'Erased' ? (event.data.owners as string[]) : []),
};

export function said(person: string, text: string): NewEvent {
  return {
    id: randomUUID(),
    type: 'Said',
    data: { person, text, count: 3, tags: ['x'] },
    metadata: {
      actor: { type: 'portalUser', id: person, name: `Name of ${person}` },
      correlationId: randomUUID(),
      causationId: null,
      timestamp: new Date().toISOString(),
    },
  };
}

/** Counts the key store's round trips: `calls` for keys, `checks` for the erasure count alone. */
export function counting(store: DataKeyStore): DataKeyStore & { calls: number; checks: number } {
  const counted = {
    calls: 0,
    checks: 0,
    putIfAbsent: (o: string, w: string) => (counted.calls++, store.putIfAbsent(o, w)),
    putIfAbsentWithErasureCount: (o: string, w: string) => (
      counted.calls++,
      store.putIfAbsentWithErasureCount(o, w)
    ),
    get: (o: readonly string[]) => (counted.calls++, store.get(o)),
    getWithErasureCount: (o: readonly string[]) => (
      o.length > 0 ? counted.calls++ : counted.checks++,
      store.getWithErasureCount(o)
    ),
    erase: (o: readonly string[]) => (counted.calls++, store.erase(o)),
    eraseDatedSubKeys: (kind: string, before: string) => (
      counted.calls++,
      store.eraseDatedSubKeys(kind, before)
    ),
    erasureCountSql: store.erasureCountSql,
    close: () => store.close(),
  };
  return counted;
}
