import { Pool } from 'pg';
import { quoteIdent } from './sql-client';

/** Drops a schema with everything in it, on a connection of its own (a test's throwaway schema). */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    await pool.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
  } finally {
    await pool.end();
  }
}
