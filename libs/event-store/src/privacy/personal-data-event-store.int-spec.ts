import { randomUUID } from 'node:crypto';
import { PgliteSqlClient } from '@portal/platform';
import type { NewEvent, RecordedEvent } from '../event-store.port';
import { SqlEventStore } from '../sql/sql-event-store';
import { counting, policy, said } from '../testing/privacy-layer-fixtures';
import { DataKeyRing } from './data-key-ring';
import { encryptValue } from './field-cipher';
import { masterKeyFrom } from './master-key';
import { PersonalDataEventStore } from './personal-data-event-store';
import type { PersonalDataPolicy } from './personal-data-policy.port';
import { SqlDataKeyStore } from './sql-data-key-store';

jest.setTimeout(60_000);

describe('PersonalDataEventStore on PGlite', () => {
  let client: PgliteSqlClient;
  let inner: SqlEventStore;
  let keys: ReturnType<typeof counting>;
  let store: PersonalDataEventStore;

  beforeEach(async () => {
    client = await PgliteSqlClient.open();
    inner = await SqlEventStore.open(client);
    keys = counting(await SqlDataKeyStore.open(client, { ownsClient: false }));
    store = new PersonalDataEventStore(
      inner,
      new DataKeyRing(keys, masterKeyFrom('test master key')),
      policy,
    );
  });
  afterEach(async () => {
    await store.close();
  });

  const rawRows = async (): Promise<string> =>
    JSON.stringify((await client.query('SELECT * FROM es_events ORDER BY position')).rows);

  it('stores personal values encrypted and reads them back plain on every read path', async () => {
    const event = said('ann', 'my secret complaint');
    await store.append('talk-1', [event], 'no-stream');
    expect(event.data.text).toBe('my secret complaint');
    expect(event.metadata.actor.name).toBe('Name of ann');

    const raw = await rawRows();
    expect(raw).not.toContain('my secret complaint');
    expect(raw).not.toContain('Name of ann');
    // Envelope v2: ann's two values sealed together, referenced where they were.
    expect(raw).toContain('"text":"pii:v2:person:ann:0"');
    expect(raw).toContain('"name":"pii:v2:person:ann:1"');
    expect(raw).toContain('"count":3');

    const [fromStream] = await store.readStream('talk-1');
    const [fromAll] = await store.readAll();
    for (const read of [fromStream, fromAll]) {
      expect(read.data).toEqual({ person: 'ann', text: 'my secret complaint', count: 3, tags: ['x'] });
      expect(read.metadata).toEqual(event.metadata);
    }
    const seen: RecordedEvent[] = [];
    const subscription = store.subscribe({}, (e) => void seen.push(e));
    await subscription.caughtUp;
    await subscription.stop();
    expect(seen[0].data.text).toBe('my secret complaint');
  });

  it('seals text that only looks sealed, and reads look-alikes outside personal values as written', async () => {
    // A customer may type anything: left in clear, this would outlive an erasure, and reading it
    // as an envelope would throw, making the stream (and the projector) stop at this event.
    const typed = said('ann', 'pii:v1:person:ann:typed.by.ann');
    const typedV2 = said('ann', 'pii:v2:person:ann:0');
    const aside = ['pii:v2:person:nobody:0', 'pii:v2:person:ann:7', 'pii:v1:person:ann:not.sealed'];
    typed.data.tags = aside;
    await store.append('talk-typed', [typed, typedV2], 'no-stream');

    const raw = await rawRows();
    expect(raw).not.toContain('typed.by.ann');
    const stored = await inner.readStream('talk-typed');
    expect(stored.map((e) => e.data.text)).toEqual(['pii:v2:person:ann:0', 'pii:v2:person:ann:0']);
    expect(stored.every((e) => typeof e.metadata.personalData === 'object')).toBe(true);

    const read = await store.readStream('talk-typed');
    expect(read.map((e) => e.data.text)).toEqual(['pii:v1:person:ann:typed.by.ann', 'pii:v2:person:ann:0']);
    expect(read[0].data.tags).toEqual(aside);
    await store.keys.erase(['person:ann']);
    expect((await store.readStream('talk-typed')).map((e) => e.data.text)).toEqual(['[erased]', '[erased]']);
  });

  it('seals all values of one owner in an event as one ciphertext, each owner apart', async () => {
    const both: NewEvent = {
      ...said('ann', 'ann wrote this'),
      type: 'Both',
      data: { a: 'first of ann', b: 'second of ann', c: 'of bob' },
    };
    const twoOwners: PersonalDataPolicy = {
      personalFields: () => [
        { path: ['data', 'a'], owner: 'person:ann' },
        { path: ['data', 'b'], owner: 'person:ann' },
        { path: ['data', 'c'], owner: 'person:bob' },
      ],
      erasedOwners: policy.erasedOwners,
    };
    const layer = new PersonalDataEventStore(
      inner,
      new DataKeyRing(keys, masterKeyFrom('test master key')),
      twoOwners,
    );
    await layer.append('both-1', [both], 'no-stream');
    const [stored] = await inner.readStream('both-1');
    expect(stored.data).toEqual({
      a: 'pii:v2:person:ann:0',
      b: 'pii:v2:person:ann:1',
      c: 'pii:v2:person:bob:0',
    });
    expect(Object.keys(stored.metadata.personalData as object)).toEqual(['person:ann', 'person:bob']);
    expect((await layer.readStream('both-1'))[0].data).toEqual(both.data);
    await layer.keys.erase(['person:ann']);
    expect((await layer.readStream('both-1'))[0].data).toEqual({
      a: '[erased]',
      b: '[erased]',
      c: 'of bob',
    });
  });

  it('still reads v1 envelopes (one ciphertext per value, as written before v2) and erases them', async () => {
    const ring = new DataKeyRing(keys, masterKeyFrom('test master key'));
    const [ann] = [...(await ring.keysForWriting(['person:ann'])).values()];
    const v1 = said('ann', 'old words');
    await inner.append(
      'talk-old',
      [
        {
          ...v1,
          data: { ...v1.data, text: encryptValue(ann!, 'old words') },
          metadata: {
            ...v1.metadata,
            actor: { ...v1.metadata.actor, name: encryptValue(ann!, 'Name of ann') },
          },
        },
      ],
      'no-stream',
    );
    expect(JSON.stringify(await inner.readStream('talk-old'))).toContain('pii:v1:person:ann:');
    const [read] = await store.readStream('talk-old');
    expect([read.data.text, read.metadata.actor.name]).toEqual(['old words', 'Name of ann']);
    await store.keys.erase(['person:ann']);
    const [erased] = await store.readStream('talk-old');
    expect([erased.data.text, erased.metadata.actor.name]).toEqual(['[erased]', '[erased]']);
  });

  it("opens a v1 envelope beside another owner's sealed list, its key looked up while opening", async () => {
    // An event with ann's list carrying bob's v1 envelope where values are not personal (copied as
    // stored): the lists do not name bob, so the read asks for his key when it meets the envelope.
    const ring = new DataKeyRing(keys, masterKeyFrom('test master key'));
    const [bob] = [...(await ring.keysForWriting(['person:bob'])).values()];
    const v1 = said('ann', 'words of ann');
    const envelopes = [encryptValue(bob!, 'old words of bob'), 'pii:v1:person:nobody:not.sealed'];
    await store.append('talk-mixed', [{ ...v1, data: { ...v1.data, tags: envelopes } }], 'no-stream');
    expect(JSON.stringify(await inner.readStream('talk-mixed'))).toContain('pii:v1:person:bob:');
    const fresh = new PersonalDataEventStore(
      inner,
      new DataKeyRing(keys, masterKeyFrom('test master key')),
      policy,
    );
    const [read] = await fresh.readAll();
    expect([read.data.text, read.data.tags]).toEqual(['words of ann', ['old words of bob', '[erased]']]);
    await store.keys.erase(['person:bob']);
    const [erased] = await fresh.readStream('talk-mixed');
    expect([erased.data.text, erased.data.tags]).toEqual(['words of ann', ['[erased]', '[erased]']]);
  });

  it('opens an event again from its stored values when a key is found missing halfway, not from half-opened ones', async () => {
    // ann typed a reference to her own second value; bob's v1 envelope after it needs a key the
    // batch did not look up. Opened in place, the first attempt has opened ann's text already: a
    // second attempt over that would read it as a reference and show ann's name instead.
    const ring = new DataKeyRing(keys, masterKeyFrom('test master key'));
    const [bob] = [...(await ring.keysForWriting(['person:bob'])).values()];
    const typed = said('ann', 'pii:v2:person:ann:1');
    await store.append(
      'talk-typed',
      [{ ...typed, data: { ...typed.data, tags: [encryptValue(bob!, 'of bob')] } }],
      'no-stream',
    );
    const fresh = new PersonalDataEventStore(
      inner,
      new DataKeyRing(keys, masterKeyFrom('test master key')),
      policy,
    );
    const [read] = await fresh.readStream('talk-typed');
    expect([read.data.text, read.data.tags, read.metadata.actor.name]).toEqual([
      'pii:v2:person:ann:1',
      ['of bob'],
      'Name of ann',
    ]);
  });

  it('refuses a sealed list moved to another owner or another version instead of reading it', async () => {
    await store.append('talk-1', [said('ann', 'mine'), said('bob', 'his')], 'no-stream');
    const [ofAnn, ofBob] = await inner.readStream('talk-1');
    const lists = (e: RecordedEvent) => e.metadata.personalData as Record<string, string>;
    // bob's sealed list put under ann's name: ann's key and additional data do not open it.
    await inner.append(
      'talk-2',
      [
        {
          ...ofAnn,
          id: randomUUID(),
          metadata: { ...ofAnn.metadata, personalData: { 'person:ann': lists(ofBob)['person:bob'] } },
        },
      ],
      'no-stream',
    );
    await expect(store.readStream('talk-2')).rejects.toThrow();
    // ann's list read as a v1 envelope: the version is bound as additional data too.
    await inner.append(
      'talk-3',
      [
        {
          ...ofAnn,
          id: randomUUID(),
          data: { ...ofAnn.data, text: `pii:v1:person:ann:${lists(ofAnn)['person:ann']}` },
        },
      ],
      'no-stream',
    );
    // It does not open: the stored text is shown as it is (text shaped like an envelope may be
    // written by anyone outside the personal values), never ann's value.
    const [read] = await store.readStream('talk-3');
    expect(read.data.text).toBe(`pii:v1:person:ann:${lists(ofAnn)['person:ann']}`);
    expect(JSON.stringify(read)).not.toContain('mine');
  });

  it('reads "[erased]" everywhere once the key is erased, the other owners untouched', async () => {
    await store.append('talk-1', [said('ann', 'about ann'), said('bob', 'about bob')], 'no-stream');
    await store.keys.erase(['person:ann']);
    const events = await store.readStream('talk-1');
    expect(events.map((e) => [e.data.text, e.metadata.actor.name])).toEqual([
      ['[erased]', '[erased]'],
      ['about bob', 'Name of bob'],
    ]);
    // Written after the erasure: nothing of it is kept, not even encrypted.
    await store.append('talk-1', [said('ann', 'too late')], 1);
    expect(await rawRows()).not.toContain('too late');
    expect((await store.readStream('talk-1', { from: 2 }))[0].data.text).toBe('[erased]');
  });

  it('forgets an erased key in another process when its subscription passes the erasure event', async () => {
    await store.append('talk-1', [said('ann', 'hello')], 'no-stream');
    // A second process: its own ring over the same key store, the key cached by a first read.
    const other = new PersonalDataEventStore(
      inner,
      new DataKeyRing(keys, masterKeyFrom('test master key')),
      policy,
    );
    expect((await other.readStream('talk-1'))[0].data.text).toBe('hello');
    await keys.erase(['person:ann']);
    await inner.append(
      'erasures',
      [{ ...said('x', ''), type: 'Erased', data: { owners: ['person:ann'] } }],
      'any',
    );
    const texts: unknown[] = [];
    const subscription = other.subscribe({}, (e) => void texts.push(e.data.text));
    await subscription.caughtUp;
    await subscription.stop();
    expect((await other.readStream('talk-1'))[0].data.text).toBe('[erased]');
  });

  it('asks the key store once per owner, then appends and reads from its cache', async () => {
    await store.append('talk-1', [said('ann', 'one')], 'no-stream');
    const afterFirst = keys.calls;
    for (let i = 0; i < 20; i++) await store.append('talk-1', [said('ann', `more ${i}`)], i);
    const checksBefore = keys.checks;
    for (let i = 0; i < 20; i++) await store.readStream('talk-1');
    expect(keys.calls).toBe(afterFirst);
    // Each batch read asks only whether anything was erased: one statement, whatever its size.
    expect(keys.checks - checksBefore).toBe(20);
  });

  it('answers writing keys it holds at once (no promise), and goes to the store once one is evicted', async () => {
    const ring = store.keys;
    const first = await ring.keysForWriting(['person:ann']);
    const calls = keys.calls;
    const again = ring.keysForWriting(['person:ann']);
    expect(again).toBeInstanceOf(Map);
    expect((again as Map<string, unknown>).get('person:ann')).toBe(first.get('person:ann'));
    // One owner not held makes it a look-up, for the batch as a whole.
    const both = ring.keysForWriting(['person:ann', 'person:bob']);
    expect(both).toBeInstanceOf(Promise);
    expect((await both).get('person:ann')).toBe(first.get('person:ann'));
    ring.evict(['person:ann']);
    const afterEviction = ring.keysForWriting(['person:ann']);
    expect(afterEviction).toBeInstanceOf(Promise);
    expect(
      (await afterEviction).get('person:ann')?.cipherKey.equals(first.get('person:ann')!.cipherKey),
    ).toBe(true);
    expect(keys.calls).toBeGreaterThan(calls);
  });

  it('keys a new owner on its first append in one call, and reads with the key it stored', async () => {
    await store.append('talk-1', [said('ann', 'first words')], 'no-stream');
    const calls = keys.calls;
    await store.append('talk-2', [said('bob', 'hello')], 'no-stream');
    expect(keys.calls - calls).toBe(1);
    const cold = new PersonalDataEventStore(
      inner,
      new DataKeyRing(keys, masterKeyFrom('test master key')),
      policy,
    );
    expect((await cold.readStream('talk-2'))[0].data.text).toBe('hello');
  });

  it('looks up the keys of a batch in one statement, whatever the number of events and values', async () => {
    const people = Array.from({ length: 30 }, (_, i) => `p${i}`);
    await store.append(
      'talk-1',
      people.map((p) => said(p, `text of ${p}`)),
      'no-stream',
    );
    const cold = new PersonalDataEventStore(
      inner,
      new DataKeyRing(keys, masterKeyFrom('test master key')),
      policy,
    );
    const [calls, checks] = [keys.calls, keys.checks];
    const events = await cold.readAll();
    expect(events.map((e) => e.data.text)).toEqual(people.map((p) => `text of ${p}`));
    // One lookup of the 30 keys, the erasure count read in the same statement.
    expect([keys.calls - calls, keys.checks - checks]).toEqual([1, 0]);
  });

  it('asks the key store nothing for a page with nothing to open, such as the empty one ending a read', async () => {
    await store.append('talk-1', [said('ann', 'hello')], 'no-stream');
    await inner.append('plain-1', [{ ...said('x', ''), type: 'Plain', data: { n: 1 } }], 'no-stream');
    expect((await store.readAll()).map((e) => e.data.text)).toEqual(['hello', undefined]);
    const [calls, checks] = [keys.calls, keys.checks];
    const head = await store.headPosition();
    expect(await store.readAll({ after: head, limit: 10 })).toEqual([]);
    expect(await store.readAll({ filter: { streamPrefixes: ['plain-'] } })).toHaveLength(1);
    expect([keys.calls - calls, keys.checks - checks]).toEqual([0, 0]);
  });

  it('reads the erasure count beside each page while paging through full pages, and once per page', async () => {
    await store.append('talk-1', [said('ann', 'a'), said('ann', 'b'), said('ann', 'c')], 'no-stream');
    const other = new PersonalDataEventStore(
      inner,
      new DataKeyRing(keys, masterKeyFrom('test master key')),
      policy,
    );
    const [calls, checks] = [keys.calls, keys.checks];
    const texts: unknown[] = [];
    for (let after = -1; ;) {
      const page = await other.readAll({ after, limit: 1 });
      if (page.length === 0) break;
      texts.push(...page.map((e) => e.data.text));
      after = page[page.length - 1].position;
      // An erasure elsewhere between two pages: the next page shows it.
      if (texts.length === 1) await store.keys.erase(['person:ann']);
    }
    expect(texts).toEqual(['a', '[erased]', '[erased]']);
    // The first page: keys and count in one statement; the erasure; the next two pages (after full
    // ones) and the empty last one: the count beside each, the second page's finding the erasure
    // and asking for ann's key again.
    expect([keys.calls - calls, keys.checks - checks]).toEqual([3, 3]);
  });

  it("opens the events of an adapter that hands them out unshared in place, and copies any other's", async () => {
    await store.append('talk-1', [said('ann', 'hello')], 'no-stream');
    expect(inner.returnsUnsharedEvents).toBe(true);
    const handedOut: RecordedEvent[] = [];
    const readAll = inner.readAll.bind(inner);
    const spied = Object.assign(Object.create(inner) as SqlEventStore, {
      readAll: async (options?: Parameters<SqlEventStore['readAll']>[0]) => {
        const events = await readAll(options);
        handedOut.push(...events);
        return events;
      },
    });
    const [opened] = await new PersonalDataEventStore(spied, store.keys, policy).readAll();
    expect(opened).toBe(handedOut[0]);
    expect([opened.data.text, opened.metadata.actor.name, opened.metadata.personalData]).toEqual([
      'hello',
      'Name of ann',
      undefined,
    ]);
    // An adapter that hands out the same objects every time (a cache of events): never changed.
    const kept = await inner.readAll();
    const caching = Object.assign(Object.create(inner) as SqlEventStore, {
      returnsUnsharedEvents: false,
      readAll: async () => kept,
    });
    const layer = new PersonalDataEventStore(caching, store.keys, policy);
    for (let i = 0; i < 2; i++) expect((await layer.readAll())[0].data.text).toBe('hello');
    expect(kept[0].data.text).toBe('pii:v2:person:ann:0');
    expect(typeof kept[0].metadata.personalData).toBe('object');
  });

  it("shows an erasure in another process's very next read, with no erasure event passing by", async () => {
    await store.append('talk-1', [said('ann', 'hello'), said('bob', 'hi')], 'no-stream');
    // A second process: its own ring over the same key store, the keys cached by a first read.
    const other = new PersonalDataEventStore(
      inner,
      new DataKeyRing(keys, masterKeyFrom('test master key')),
      policy,
    );
    expect((await other.readAll()).map((e) => e.data.text)).toEqual(['hello', 'hi']);
    await store.keys.erase(['person:ann']);
    expect((await other.readAll()).map((e) => e.data.text)).toEqual(['[erased]', 'hi']);
    expect((await other.readStream('talk-1')).map((e) => e.metadata.actor.name)).toEqual([
      '[erased]',
      'Name of bob',
    ]);
  });

  it('keeps the values it opened only while it holds their key: gone with an erasure here or elsewhere', async () => {
    await store.append('talk-1', [said('ann', 'hello'), said('bob', 'hi')], 'no-stream');
    const ring = new DataKeyRing(keys, masterKeyFrom('test master key'));
    const other = new PersonalDataEventStore(inner, ring, policy);
    const sealedOf = async (person: string) => {
      const lists = (await inner.readAll()).map((e) => e.metadata.personalData as Record<string, string>);
      return lists.find((l) => l[`person:${person}`])![`person:${person}`];
    };
    const kept = async (person: string) => {
      const key = (await ring.keysForReading([`person:${person}`])).get(`person:${person}`);
      return key ? ring.openedValues(key, await sealedOf(person)) : undefined;
    };
    expect((await other.readAll()).map((e) => e.data.text)).toEqual(['hello', 'hi']);
    expect(await kept('ann')).toEqual(['hello', 'Name of ann']);
    // An erasure event passing by in this process: ann's values go with her key, bob's stay.
    const [first] = await inner.readAll();
    const erased = {
      ...first,
      type: 'Erased',
      data: { owners: ['person:ann'] },
      metadata: said('x', '').metadata,
    };
    await other.reveal([erased], 'throttled');
    expect(ring.openedValues({ owner: 'person:ann' } as never, await sealedOf('ann'))).toBeUndefined();
    expect(await kept('bob')).toEqual(['hi', 'Name of bob']);
    // An erasure in another process: this one's next read drops every opened value with the keys.
    await store.keys.erase(['person:bob']);
    expect((await other.readAll()).map((e) => e.data.text)).toEqual(['hello', '[erased]']);
    expect(ring.openedValues({ owner: 'person:bob' } as never, await sealedOf('bob'))).toBeUndefined();
  });

  it('keeps the values of the lists it appends, so a first read deciphers nothing; a refused append keeps none', async () => {
    const kept = jest.spyOn(store.keys, 'rememberOpened');
    await store.append('talk-1', [said('ann', 'hello')], 'no-stream');
    await store.appendMany!([{ stream: 'talk-2', events: [said('bob', 'hi')], expected: 'no-stream' }]);
    const [ann, bob] = (await inner.readAll()).map((e) => e.metadata.personalData as Record<string, string>);
    const annKey = (await store.keys.keysForReading(['person:ann'])).get('person:ann')!;
    const bobKey = (await store.keys.keysForReading(['person:bob'])).get('person:bob')!;
    expect(store.keys.openedValues(annKey, ann['person:ann'])).toEqual(['hello', 'Name of ann']);
    expect(store.keys.openedValues(bobKey, bob['person:bob'])).toEqual(['hi', 'Name of bob']);
    expect(kept).toHaveBeenCalledTimes(2);
    await expect(store.append('talk-1', [said('ann', 'refused')], 'no-stream')).rejects.toThrow();
    expect(kept).toHaveBeenCalledTimes(2);
    // Read from the values kept: nothing opened, the same values.
    expect((await store.readAll()).map((e) => e.data.text)).toEqual(['hello', 'hi']);
    expect(kept).toHaveBeenCalledTimes(2);
  });

  it('keeps no appended values once their owner is erased: during the append, or after it in another process', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // The adapter beneath, its appends held until released.
    const slow = Object.assign(Object.create(inner) as SqlEventStore, {
      append: async (...args: Parameters<SqlEventStore['append']>) => (await held, inner.append(...args)),
    });
    const layer = new PersonalDataEventStore(slow, store.keys, policy);
    const sealedOf = async (person: string) => {
      const lists = (await inner.readAll()).map((e) => e.metadata.personalData as Record<string, string>);
      return lists.find((l) => l[`person:${person}`])![`person:${person}`];
    };
    const keptOf = async (person: string) =>
      store.keys.openedValues({ owner: `person:${person}` } as never, await sealedOf(person));
    await store.append('talk-0', [said('ann', 'before')], 'no-stream');
    const appending = layer.append('talk-1', [said('ann', 'in flight')], 'no-stream');
    await store.keys.erase(['person:ann']);
    release();
    await appending;
    expect(await keptOf('ann')).toBeUndefined();
    expect((await layer.readAll()).map((e) => e.data.text)).toEqual(['[erased]', '[erased]']);

    await store.append('talk-2', [said('bob', 'hi')], 'no-stream');
    expect(await keptOf('bob')).toEqual(['hi', 'Name of bob']);
    await new DataKeyRing(keys, masterKeyFrom('test master key')).erase(['person:bob']);
    expect((await store.readStream('talk-2')).map((e) => e.data.text)).toEqual(['[erased]']);
    expect(await keptOf('bob')).toBeUndefined();
  });

  it('keeps at most maxEntries keys, and still reads every owner right', async () => {
    const people = Array.from({ length: 5 }, (_, i) => `q${i}`);
    await store.append(
      'talk-1',
      people.map((p) => said(p, `text of ${p}`)),
      'no-stream',
    );
    const small = new PersonalDataEventStore(
      inner,
      new DataKeyRing(keys, masterKeyFrom('test master key'), { maxEntries: 2 }),
      policy,
    );
    for (let i = 0; i < 3; i++) {
      const before = keys.calls;
      expect((await small.readStream('talk-1')).map((e) => e.data.text)).toEqual(
        people.map((p) => `text of ${p}`),
      );
      // Five owners, room for two: every read must fetch keys again (never a stale or wrong one).
      expect(keys.calls - before).toBe(1);
    }
  });

  it('refuses a wrong master key loudly instead of reading garbage or "[erased]"', async () => {
    await store.append('talk-1', [said('ann', 'hello')], 'no-stream');
    const wrong = new PersonalDataEventStore(
      inner,
      new DataKeyRing(keys, masterKeyFrom('another master key')),
      policy,
    );
    await expect(wrong.readStream('talk-1')).rejects.toThrow();
  });
});
