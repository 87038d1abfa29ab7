export * from './collections';
export * from './documents';
export * from './read-model-names';
export * from './record-followers';
export * from './change-marks';
