/** Nest injection tokens for the ports (interfaces have no runtime identity). */
export const EVENT_STORE = Symbol('EventStore');
export const READ_STORE = Symbol('ReadStore');
export const SERVICE_CONFIG = Symbol('ServiceConfig');
export const BLOB_STORE = Symbol('BlobStore');
