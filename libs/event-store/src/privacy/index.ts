export * from './data-key-store.port';
export * from './sql-data-key-store';
export * from './data-key-ring';
export * from './field-cipher';
export * from './master-key';
export * from './personal-data-policy.port';
export * from './personal-data-event-store';
export * from './sql-personal-data-migration';
