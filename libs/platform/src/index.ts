export * from './sql/sql-client';
export * from './sql/pg-sql-client';
export * from './sql/pglite-sql-client';
