import { randomUUID } from 'node:crypto';
import { openPostgresEventStore } from '@portal/event-store';
import { dropSchema } from '@portal/platform';
import { Projector, silentProjectorLogger } from '@portal/projector';
import { generationCollection, READ_MODELS } from '@portal/read-models';
import { openPostgresReadStore } from '@portal/read-store';
import { projectorReadModelCheck } from './read-model-check';

const pgUrl = process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `audit_models_${randomUUID().replace(/-/g, '').slice(0, 12)}`;

afterAll(() => dropSchema(pgUrl, schema));

describe('projectorReadModelCheck on PostgreSQL', () => {
  it('finds nothing in read models the projector wrote, and reports a hand-edited document', async () => {
    const events = await openPostgresEventStore(pgUrl, undefined, schema);
    const store = await openPostgresReadStore(pgUrl, schema);
    try {
      const check = projectorReadModelCheck(events, store);
      expect(await check(() => undefined)).toEqual([]); // empty log, never projected: nothing to compare

      const roleId = randomUUID();
      await events.append(
        `portalRole-${roleId}`,
        [
          {
            id: randomUUID(),
            type: 'PortalRoleCreated',
            data: { roleId, name: 'Support', scopes: { Case: { read: 'own' } }, fields: {} },
            metadata: {
              actor: { type: 'staff', id: randomUUID(), name: 'Ada' },
              correlationId: 'c',
              causationId: null,
              timestamp: new Date().toISOString(),
            },
          },
        ],
        'no-stream',
      );
      expect((await check(() => undefined)).map((f) => f.kind)).toEqual(['read_model_mismatch']); // not projected yet

      const projector = new Projector({ events, store, logger: silentProjectorLogger });
      await projector.start();
      await projector.caughtUp();
      await projector.stop();
      const fractions: number[] = [];
      expect(await check((_done, fraction) => fractions.push(fraction))).toEqual([]);
      expect(fractions.length).toBeGreaterThan(0);

      const collection = generationCollection(1, READ_MODELS.portalRoles);
      const doc = await store.get(collection, roleId);
      await store.write((tx) =>
        tx.put(collection, { ...doc!, name: 'Everything', scopes: { Case: { read: 'all' } } }),
      );
      const findings = await check(() => undefined);
      expect(findings).toHaveLength(1);
      expect(findings[0].message).toMatch(
        new RegExp(
          `^portal_roles ${roleId} differs from a fresh fold in name, scopes \\(compared at position 0\\)$`,
        ),
      );
    } finally {
      await store.close();
      await events.close();
    }
  });
});
