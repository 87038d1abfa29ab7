import { randomUUID } from 'node:crypto';
import { dropSchema, PgSqlClient } from '@portal/platform';
import { SqlEventStore } from '../sql/sql-event-store';
import { counting, policy, said } from '../testing/privacy-layer-fixtures';
import { DataKeyRing } from './data-key-ring';
import { masterKeyFrom } from './master-key';
import { PersonalDataEventStore } from './personal-data-event-store';
import { SqlDataKeyStore } from './sql-data-key-store';

jest.setTimeout(60_000);

// On PostgreSQL, with the keys in the event store's database (as the service wires them), readAll
// and readStream read the erasure count in their own statement: no statement apart, and an erasure
// in another process still shows in the very next read.
const url = process.env.PG_URL;
if (!url) {
  console.warn('erasure count in the page statement skipped: set PG_URL');
  describe.skip('erasure count in the page statement (skipped: PG_URL not set)', () => {
    it('runs', () => undefined);
  });
} else {
  const pgUrl = url;
  describe('PersonalDataEventStore on PostgreSQL, keys in the event store database', () => {
    const schema = `privacy_page_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    let inner: SqlEventStore;
    let keyClient: PgSqlClient;
    let keys: ReturnType<typeof counting>;
    let writer: PersonalDataEventStore;

    beforeAll(async () => {
      inner = await SqlEventStore.open(await PgSqlClient.connect({ connectionString: pgUrl, schema }));
      keyClient = await PgSqlClient.connect({ connectionString: pgUrl, schema, max: 4 });
      keys = counting(await SqlDataKeyStore.open(keyClient, { ownsClient: false }));
      writer = new PersonalDataEventStore(inner, new DataKeyRing(keys, masterKeyFrom('k')), policy);
    });
    afterAll(async () => {
      await inner.close();
      await keyClient.close();
      await dropSchema(pgUrl, schema);
    });

    /** Another process's layer: its own ring over the same keys. */
    const reader = (keysInStoredDatabase: boolean): PersonalDataEventStore =>
      new PersonalDataEventStore(inner, new DataKeyRing(keys, masterKeyFrom('k')), policy, undefined, {
        keysInStoredDatabase,
      });

    async function readPages(
      layer: PersonalDataEventStore,
      prefix: string,
      between?: (texts: unknown[]) => Promise<void>,
    ): Promise<unknown[]> {
      const texts: unknown[] = [];
      for (let after = -1; ;) {
        const page = await layer.readAll({ after, limit: 2, filter: { streamPrefixes: [prefix] } });
        if (page.length === 0) return texts;
        texts.push(...page.map((e) => e.data.text));
        after = page[page.length - 1]!.position;
        await between?.(texts);
      }
    }

    it('reads no count on its own while paging, and shows an erasure elsewhere in the very next page', async () => {
      const person = randomUUID().slice(0, 8);
      const [ann, bob] = [`ann${person}`, `bob${person}`];
      const prefix = `talk${person}-`;
      await writer.append(
        `${prefix}1`,
        ['a', 'b', 'c'].map((t) => said(ann, t)),
        'no-stream',
      );
      await writer.append(`${prefix}2`, [said(bob, 'd'), said(ann, 'e')], 'no-stream');
      const layer = reader(true);
      const [calls, checks] = [keys.calls, keys.checks];
      expect(await readPages(layer, prefix)).toEqual(['a', 'b', 'c', 'd', 'e']);
      // Pages ask only for the keys they lack (ann's, then bob's); none reads the count on its own.
      expect([keys.calls - calls, keys.checks - checks]).toEqual([2, 0]);
      // Cached keys, then ann erased elsewhere between two pages: the next page reads the new count.
      const erasedMidway = await readPages(layer, prefix, async (texts) => {
        if (texts.length === 2) await writer.keys.erase([`person:${ann}`]);
      });
      expect(erasedMidway).toEqual(['a', 'b', '[erased]', 'd', '[erased]']);
      expect(keys.checks - checks).toBe(0);
      // A new read, from its first page: erased too; the owner after an erasure elsewhere still opens.
      expect(await readPages(layer, prefix)).toEqual(['[erased]', '[erased]', '[erased]', 'd', '[erased]']);
    });

    it('reads a stream with the count in its statement, and shows an erasure elsewhere in the next read', async () => {
      const person = randomUUID().slice(0, 8);
      const stream = `talk${person}-1`;
      await writer.append(stream, [said(`ann${person}`, 'a'), said(`bob${person}`, 'b')], 'no-stream');
      const layer = reader(true);
      const texts = async () => (await layer.readStream(stream)).map((e) => e.data.text);
      expect(await texts()).toEqual(['a', 'b']);
      const [calls, checks] = [keys.calls, keys.checks];
      expect(await texts()).toEqual(['a', 'b']);
      // Keys cached: the stream's statement alone (it was the stream, then the count).
      expect([keys.calls - calls, keys.checks - checks]).toEqual([0, 0]);
      await writer.keys.erase([`person:ann${person}`]);
      expect(await texts()).toEqual(['[erased]', 'b']);
      expect(await layer.readStream(`talk${person}-missing`)).toEqual([]);
      expect(keys.checks - checks).toBe(0);
    });

    it('reads the count in a statement of its own unless told the keys share the adapter database', async () => {
      const person = randomUUID().slice(0, 8);
      const prefix = `talk${person}-`;
      await writer.append(
        `${prefix}1`,
        ['a', 'b', 'c'].map((t) => said(person, t)),
        'no-stream',
      );
      const [calls, checks] = [keys.calls, keys.checks];
      expect(await readPages(reader(false), prefix)).toEqual(['a', 'b', 'c']);
      // First page: its keys and the count together; the second (after a full page): the count beside it.
      expect([keys.calls - calls, keys.checks - checks]).toEqual([1, 1]);
    });
  });
}
