export * from './blob-store.port';
export { HashingStream } from './hashing-stream';
export { FilesystemBlobStore } from './filesystem/filesystem-blob-store';
export { openBlobStore } from './open-blob-store';
export {
  BlobSweeper,
  type BlobReferences,
  type BlobSweeperOptions,
  type BlobSweepResult,
} from './sweeper/blob-sweeper';
