import { parse, protocol, type PGlite } from '@electric-sql/pglite';

type QueryResult<Row> = { rows: Row[]; rowCount: number };

interface Statement {
  name: string;
  /** The parameters' type oids, as the server inferred them when it parsed the text. */
  paramTypes: number[];
}

/**
 * Named statements on PGlite for the texts marked with prepared() (the hot paths' fixed
 * statements: the guard's session read, the single append, a stream's new events). PGlite's own
 * query() sends each statement as an unnamed one in five calls into the WASM module (parse,
 * describe, bind, describe, execute, then sync), so every call parses, analyses and plans the text
 * anew; a named statement is parsed once per database and then bound and run in ONE call (bind,
 * describe, execute, sync), its plans kept by the server's plan cache as on PostgreSQL, where pg
 * runs the same texts as named statements (PgSqlClient). The server re-plans a kept statement
 * when a table it reads changes (DDL) or the search_path does, as it would for any client.
 *
 * Runs under both of PGlite's locks (a transaction's and a query's), exactly as query() does, so
 * it never lands inside another caller's transaction; it is only for statements outside
 * transactions (PgliteSqlClient.run), each its own transaction, synced to the file system after,
 * as query() does.
 */
export class PglitePreparedStatements {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: PGlite) {}

  run<Row>(name: string, text: string, params: readonly unknown[]): Promise<QueryResult<Row>> {
    return this.db._runExclusiveTransaction(() =>
      this.db._runExclusiveQuery(async () => {
        const statement = this.statements.get(text) ?? (await this.prepare(name, text));
        let messages: Awaited<ReturnType<PGlite['execProtocolStream']>>;
        try {
          messages = await this.db.execProtocolStream(this.bindAndExecute(statement, params), {
            syncToFs: false,
          });
        } catch (error) {
          // Whatever failed (a constraint, or a statement the server can no longer run as kept),
          // the next call parses the text again: a failure is rare, a kept broken statement is not.
          await this.forget(text, statement.name);
          throw error;
        } finally {
          await this.db.syncToFs();
        }
        const [result] = parse.parseResults(messages, this.db.parsers);
        return { rows: result!.rows as Row[], rowCount: result!.affectedRows ?? result!.rows.length };
      }),
    );
  }

  private async prepare(name: string, text: string): Promise<Statement> {
    const messages = await this.db.execProtocolStream(
      concat([
        protocol.serialize.parse({ name, text }),
        protocol.serialize.describe({ type: 'S', name }),
        protocol.serialize.sync(),
      ]),
      { syncToFs: false },
    );
    const statement = { name, paramTypes: parse.parseDescribeStatementResults(messages) };
    this.statements.set(text, statement);
    return statement;
  }

  private bindAndExecute(statement: Statement, params: readonly unknown[]): Uint8Array {
    const values = params.map((param, i) => {
      if (param === null || param === undefined) return null;
      const serialize = this.db.serializers[statement.paramTypes[i]!];
      return serialize ? (serialize(param) as string) : String(param);
    });
    return concat([
      protocol.serialize.bind({ statement: statement.name, values }),
      protocol.serialize.describe({ type: 'P' }),
      protocol.serialize.execute({}),
      protocol.serialize.sync(),
    ]);
  }

  private async forget(text: string, name: string): Promise<void> {
    this.statements.delete(text);
    await this.db.execProtocolStream(
      concat([protocol.serialize.close({ type: 'S', name }), protocol.serialize.sync()]),
      { syncToFs: false, throwOnError: false },
    );
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
