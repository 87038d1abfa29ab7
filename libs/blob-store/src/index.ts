export * from './blob-store.port';
export { HashingStream } from './hashing-stream';
export { FilesystemBlobStore } from './filesystem/filesystem-blob-store';
export { openBlobStore } from './open-blob-store';
