import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESERVATION_BLINDING_PURPOSE, reservationStreamFor } from '@portal/domain';
import { SqlEventStore, type NewEvent } from '@portal/event-store';
import { deriveKey, PgliteSqlClient } from '@portal/platform';
import { withPersonalDataProtection } from './personal-data-layer';
import { migratePersonalDataOn } from './privacy-migration';

jest.setTimeout(120_000);

interface FixtureEvent {
  stream: string;
  type: string;
  data: Record<string, unknown>;
  metadata: NewEvent['metadata'];
}

// Events as main wrote them before the privacy layer: personal values in clear, the email
// reservation stream named by the address.
const fixture = JSON.parse(
  readFileSync(join(__dirname, '../../../test/fixtures/events-before-privacy.json'), 'utf8'),
) as FixtureEvent[];
const SECRETS = [
  'Mirabel',
  'Oldlog',
  'mirabel.oldlog@customer.example',
  '203.0.113.77',
  'OldBrowser',
  'kettle',
  'dripping',
];
const USER = 'a6e62b38-98d9-4dd7-a6d2-9d4d3294fd11';
const CONTACT = 'a7c90ee3-c074-42c0-b417-4a07c30133d2';
const dataKey = 'migration spec master key';

describe('privacy:migrate on events written before the privacy layer', () => {
  it('encrypts them in place, renames the email reservation, and erasure then forgets them as it forgets new ones', async () => {
    const client = await PgliteSqlClient.open();
    try {
      const raw = await SqlEventStore.open(client);
      for (const e of fixture) await raw.append(e.stream, [{ id: randomUUID(), ...e }], 'any');
      const dump = async () =>
        JSON.stringify((await client.query('SELECT * FROM es_events ORDER BY position')).rows);
      expect(await dump()).toContain('mirabel.oldlog@customer.example');

      const progress: number[] = [];
      const report = await migratePersonalDataOn(client, dataKey, {
        batchSize: 3,
        onProgress: (p) => progress.push(p.scanned),
      });
      expect(report).toMatchObject({
        scanned: fixture.length,
        rewritten: 7,
        streamsRenamed: 1,
        renameConflicts: [],
      });
      expect(report.valuesEncrypted).toBeGreaterThanOrEqual(17);
      expect(progress).toEqual([3, 6, 7]);
      const migrated = await dump();
      for (const secret of SECRETS) expect(migrated).not.toContain(secret);
      expect(migrated).toContain('pii:v2:contact:2452f4aa');
      const blinded = reservationStreamFor(
        'portalUserEmail',
        'mirabel.oldlog@customer.example',
        deriveKey(dataKey, RESERVATION_BLINDING_PURPOSE),
      );

      // Read through the layer, the service sees exactly what it saw before.
      const layer = (await withPersonalDataProtection(raw, {
        eventStore: 'embedded',
        readStore: 'embedded',
        dataDir: '',
        dataKey,
        sharedClient: client,
      }))!;
      const [reserved] = await layer.readStream(blinded);
      expect(reserved.data.value).toBe('mirabel.oldlog@customer.example');
      const before = await layer.readAll();
      expect(before.map((e) => e.data)).toEqual(fixture.map((e) => e.data));
      expect(before.map((e) => e.metadata.actor.name)).toEqual(fixture.map((e) => e.metadata.actor.name));

      // A rerun finds nothing left to do.
      const again = await migratePersonalDataOn(client, dataKey);
      expect(again).toMatchObject({ rewritten: 0, valuesEncrypted: 0, streamsRenamed: 0 });

      await layer.keys.erase([`portalUser:${USER}`, `contact:${CONTACT}`]);
      const after = await layer.readAll();
      const shown = JSON.stringify(after);
      for (const secret of SECRETS) expect(shown).not.toContain(secret);
      expect(after.find((e) => e.type === 'PortalUserCreated')?.data).toMatchObject({
        email: '[erased]',
        firstName: '[erased]',
      });
      expect(shown).toContain('keepme@customer.example');
    } finally {
      await client.close();
    }
  });
});
