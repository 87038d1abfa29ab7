export * from './read-store.port';
export { InvalidReadStoreInputError } from './read-store-input';
export { CollectionNotFoundError } from './sql/sql-documents';
export {
  SqlReadStore,
  openEmbeddedReadStore,
  openPostgresReadStore,
  type SqlReadStoreOptions,
} from './sql/sql-read-store';
export { MongoReadStore, openMongoReadStore, type MongoReadStoreOptions } from './mongo/mongo-read-store';
export { openReadStore, type OpenReadStoreOptions } from './open-read-store';
