import { quoteIdent, type SqlQueryable } from '@portal/platform';

/** The writes a side table (counts, ordered elements) follows its documents' table through. */
export const TRIGGER_OPS = ['ins', 'upd', 'del'] as const;
export type TriggerOp = (typeof TRIGGER_OPS)[number];

// A transition table is allowed on a trigger of one event only, hence one trigger per event.
const EVENTS: Record<TriggerOp, string> = {
  ins: 'INSERT ON {t} REFERENCING NEW TABLE AS new_rows',
  upd: 'UPDATE ON {t} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows',
  del: 'DELETE ON {t} REFERENCING OLD TABLE AS old_rows',
};

export interface StatementTriggers {
  /** Schema-qualifies an object's name. */
  qualified: (object: string) => string;
  /** The side table's name: its functions are `<base>_<op>`. */
  base: string;
  /** The documents' table the triggers sit on. */
  table: string;
  /** Each trigger is `<prefix>_<op>` (unique per documents' table). */
  triggerPrefix: string;
  /** Each function's statements, over `new_rows` and/or `old_rows`. */
  bodies: Record<TriggerOp, string>;
}

/**
 * One plpgsql function and one AFTER … FOR EACH STATEMENT trigger per write, so that a side table
 * moves in the same statement as the documents (a bulk write costs one trigger call, not one per row).
 */
export async function createStatementTriggers(q: SqlQueryable, t: StatementTriggers): Promise<void> {
  for (const op of TRIGGER_OPS) {
    const fn = t.qualified(`${t.base}_${op}`);
    await q.query(
      `CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $fn$
       BEGIN ${t.bodies[op]} RETURN NULL; END $fn$`,
    );
    await q.query(
      `CREATE TRIGGER ${quoteIdent(`${t.triggerPrefix}_${op}`)} AFTER ${EVENTS[op].replace('{t}', t.qualified(t.table))}
       FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
    );
  }
}

/** Drops a side table's trigger functions (CASCADE takes their triggers). */
export async function dropTriggerFunctions(
  q: SqlQueryable,
  base: string,
  qualified: (object: string) => string = quoteIdent,
): Promise<void> {
  for (const op of TRIGGER_OPS)
    await q.query(`DROP FUNCTION IF EXISTS ${qualified(`${base}_${op}`)}() CASCADE`);
}
