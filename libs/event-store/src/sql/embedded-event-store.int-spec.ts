import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgliteSqlClient } from '@portal/platform';
import { contractEvent, eventStoreContract } from '../event-store.contract';
import { sqlAppendWakeupsBehaviour } from '../testing/sql-append-wakeups.behaviour';
import { sqlEventStoreBehaviour } from '../testing/sql-event-store.behaviour';
import { UpcasterRegistry } from '../upcasters';
import { openEmbeddedEventStore } from './open-sql-event-store';

// jest ignores a project's testTimeout: subscriptions and servers take their time.
jest.setTimeout(60_000);

// PGlite loads its WASM through dynamic import(), which jest's VM only allows with this flag:
// without it PGlite crashes the whole jest process, so fail here with the reason instead.
const vmModules = `${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`.includes(
  '--experimental-vm-modules',
);

if (!vmModules) {
  describe('SQL event store on PGlite', () => {
    it('needs NODE_OPTIONS=--experimental-vm-modules to load PGlite under jest', () => {
      throw new Error('Run jest with NODE_OPTIONS=--experimental-vm-modules (PGlite uses dynamic import())');
    });
  });
} else {
  // PGlite in memory: always runs, no server needed.
  const upcasters = new UpcasterRegistry();
  eventStoreContract('SQL on PGlite (embedded)', () => openEmbeddedEventStore(undefined, upcasters), {
    upcasters,
  });
  sqlEventStoreBehaviour('SQL on PGlite (embedded)', () => PgliteSqlClient.open());
  sqlAppendWakeupsBehaviour('SQL on PGlite (embedded)', () => PgliteSqlClient.open());

  describe('SQL event store on PGlite: identity', () => {
    it('differs between two stores', async () => {
      const [a, b] = await Promise.all([
        openEmbeddedEventStore(undefined),
        openEmbeddedEventStore(undefined),
      ]);
      try {
        expect(await a.identity()).not.toBe(await b.identity());
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });
  });

  describe('SQL event store on PGlite: data directory', () => {
    it('keeps events on disk across a close and a reopen', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'es-pglite-'));
      try {
        const first = await openEmbeddedEventStore(dataDir);
        const written = await first.append(
          'case-1',
          [contractEvent('CaseRaised', { title: 'Kept' })],
          'no-stream',
        );
        const identity = await first.identity();
        await first.close();

        const reopened = await openEmbeddedEventStore(dataDir);
        try {
          const events = await reopened.readStream('case-1');
          expect(events.map((e) => [e.type, e.data, e.position])).toEqual([
            ['CaseRaised', { title: 'Kept' }, written.position],
          ]);
          expect(await reopened.headPosition()).toBe(written.position);
          expect(await reopened.identity()).toBe(identity);
          expect(await reopened.append('case-1', [contractEvent('CaseClosed')], 0)).toEqual({
            nextExpectedRevision: 1,
            position: written.position + 1,
          });
        } finally {
          await reopened.close();
        }
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
}
