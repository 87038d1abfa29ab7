import { randomBytes } from 'node:crypto';
import { dropSchema } from './drop-schema';
import { PgSqlClient } from './pg-sql-client';

// The settings every PostgreSQL connection of the service gets (PgSqlClient's SESSION_SETTINGS).
const url = process.env.PG_URL;

if (url) {
  describe('a PgSqlClient connection', () => {
    const schema = `session_settings_${randomBytes(6).toString('hex')}`;
    const clients: PgSqlClient[] = [];

    afterAll(async () => {
      for (const client of clients) await client.close();
      await dropSchema(url, schema);
    });

    it.each([
      ['with a schema', true],
      ['without one', false],
    ])(
      'plans without JIT, %s (a page statement would compile its expressions on every list)',
      async (_how, withSchema) => {
        const client = await PgSqlClient.connect({
          connectionString: url,
          ...(withSchema ? { schema } : {}),
          max: 1,
        });
        clients.push(client);
        const { rows } = await client.query<{ jit: string; schema: string }>(
          `SELECT current_setting('jit') AS jit, current_schema() AS schema`,
        );
        expect(rows[0].jit).toBe('off');
        if (withSchema) expect(rows[0].schema).toBe(schema);
      },
    );
  });
} else {
  console.warn('pg-session-settings: skipped, PG_URL not set');
  describe.skip('a PgSqlClient connection (skipped: PG_URL not set)', () => {
    it('needs PG_URL', () => undefined);
  });
}
