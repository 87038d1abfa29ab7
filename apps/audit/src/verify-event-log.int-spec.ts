import { randomUUID } from 'node:crypto';
import { dropSchema, PgSqlClient } from '@portal/platform';
import { type NewEvent, SqlEventStore, UpcasterRegistry } from '@portal/event-store';
import { runAuditVerify } from './audit-verify';
import { KnownEventTypes } from './known-event-types';
import { verifyEventLog } from './verify-event-log';

const pgUrl = process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schemas: string[] = [];

function newEvent(type: string, data: Record<string, unknown> = {}, version?: number): NewEvent {
  return {
    id: randomUUID(),
    type,
    version,
    data,
    metadata: {
      actor: { type: 'system', id: 's' },
      correlationId: 'c',
      causationId: null,
      timestamp: new Date().toISOString(),
    },
  };
}

/** A store in a fresh schema, and a raw client on the same schema to tamper with its rows. */
async function openStore(upcasters = new UpcasterRegistry()) {
  const schema = `audit_verify_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  schemas.push(schema);
  const store = await SqlEventStore.open(
    await PgSqlClient.connect({ connectionString: pgUrl, schema }),
    upcasters,
  );
  const raw = await PgSqlClient.connect({ connectionString: pgUrl, schema, max: 1 });
  return { store, raw, close: () => Promise.all([store.close(), raw.close()]) };
}

async function writeSoundLog(store: SqlEventStore): Promise<void> {
  await store.append('portal-p', [newEvent('PortalCreated'), newEvent('RoleAssigned')], 'no-stream');
  await store.append('portalUser-u', [newEvent('PortalUserCreated')], 'no-stream');
  await store.append('portal-p', [newEvent('PortalRenamed')], 1);
  await store.append('portalUser-u', [newEvent('InvitationSent'), newEvent('InvitationAccepted')], 0);
  await store.append('emailDelivery-j', [newEvent('EmailDelivered')], 'no-stream');
}

afterAll(async () => {
  for (const schema of schemas) await dropSchema(pgUrl, schema);
});

describe('verifyEventLog on PostgreSQL', () => {
  it('finds nothing in a sound log, reading it in pages, with progress', async () => {
    const { store, close } = await openStore();
    try {
      await writeSoundLog(store);
      const progress: number[] = [];
      const report = await verifyEventLog(store, {
        pageSize: 2,
        onProgress: (p) => progress.push(p.eventsDone),
      });
      expect(report.findings).toEqual([]);
      expect(report.eventsChecked).toBe(7);
      expect(report.streamsChecked).toBe(3);
      expect(progress).toEqual([2, 4, 6, 7]);
    } finally {
      await close();
    }
  });

  it('finds a deleted event (a hole) and a forged type written behind the store', async () => {
    const { store, raw, close } = await openStore();
    try {
      await writeSoundLog(store);
      await raw.query(`DELETE FROM es_events WHERE stream = 'portal-p' AND revision = 1`);
      await raw.query(
        `UPDATE es_events SET type = 'AdminGranted' WHERE stream = 'portalUser-u' AND revision = 2`,
      );
      const report = await verifyEventLog(store, { pageSize: 3 });
      expect(report.findings.map((f) => [f.kind, f.stream])).toEqual([
        ['revision_hole', 'portal-p'],
        ['unknown_type', 'portalUser-u'],
      ]);
    } finally {
      await close();
    }
  });

  it('accepts an old event version its upcaster lifts, and reports one no upcaster can read', async () => {
    const upcasters = new UpcasterRegistry([
      { type: 'PortalRenamed', fromVersion: 1, upcast: (data) => ({ ...data, upcast: true }) },
    ]);
    const { store, raw, close } = await openStore(upcasters);
    try {
      await store.append(
        'portal-p',
        [newEvent('PortalCreated'), newEvent('PortalRenamed', {}, 1)],
        'no-stream',
      );
      expect((await verifyEventLog(store, { known: new KnownEventTypes(upcasters) })).findings).toEqual([]);
      // Read with a registry that knows no upcaster: the old version is not current.
      const plain = await verifyEventLog(store, { known: new KnownEventTypes() });
      expect(plain.findings.map((f) => f.kind)).toEqual(['stale_version']);

      await raw.query(`UPDATE es_events SET version = 7 WHERE stream = 'portal-p' AND revision = 1`);
      const unreadable = await verifyEventLog(store, { known: new KnownEventTypes(upcasters) });
      expect(unreadable.findings.map((f) => f.kind)).toEqual(['unreadable_log']);
      expect(unreadable.findings[0].message).toContain('PortalRenamed v');
    } finally {
      await close();
    }
  });

  it('runAuditVerify prints each finding and log lines when not on a terminal', async () => {
    const { store, raw, close } = await openStore();
    try {
      await writeSoundLog(store);
      await raw.query(`DELETE FROM es_events WHERE stream = 'portalUser-u' AND revision = 0`);
      const lines: string[] = [];
      const progressOut = { isTTY: false, write: (s: string) => (lines.push(s.trim()), true) };
      const findings = await runAuditVerify({
        eventStore: store,
        progressOut: progressOut as unknown as NodeJS.WriteStream,
        log: (line) => lines.push(line),
      });
      expect(findings).toHaveLength(1);
      expect(lines).toContain(
        '[revision_hole] revision 1 follows -1: 0 missing (stream portalUser-u, position 4)',
      );
      expect(lines.some((l) => l.startsWith('event log: done, events 6 (100%)'))).toBe(true);
      expect(lines[lines.length - 1]).toBe('audit:verify: 1 finding(s)');
    } finally {
      await close();
    }
  });
});
