export * from './sql/sql-client';
export * from './sql/pg-sql-client';
export * from './sql/pglite-sql-client';
export * from './config/service-config';
export * from './tokens/one-time-token';
export * from './tokens/derive-key';
export * from './redis/redis-connection';
export * from './redis/deployment-prefix';
