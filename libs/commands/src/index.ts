export * from './command-context';
export * from './command-observer';
export * from './event-ids';
export { CONFLICT_ATTEMPTS } from './conflict-policy';
export * from './precondition-failed.error';
export * from './stream-state';
export * from './stream-commands';
