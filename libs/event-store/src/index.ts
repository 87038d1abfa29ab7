export * from './event-store.port';
export * from './wrong-expected-revision.error';
export * from './append-outcome-unknown.error';
export * from './upcasters';
export * from './sql/sql-event-store';
export * from './sql/open-sql-event-store';
export * from './event-id-conflict.error';
export * from './open-event-store';
