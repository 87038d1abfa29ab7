export * from './event-store.port';
export * from './wrong-expected-revision.error';
export * from './upcasters';
